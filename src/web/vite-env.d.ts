/// <reference types="vite/client" />

declare module 'virtual:world-map' {
  /** Projected world map built from world-atlas at build time (see map/world-map-plugin.ts). */
  export const worldMap: import('#app/web/map/world-map-plugin.ts').WorldMapData;
}
