/** Kept for older imports: the zip crafting helpers live in ./zip-fixtures.ts. */
export { craftZip, type CraftEntry } from './zip-fixtures.ts';
