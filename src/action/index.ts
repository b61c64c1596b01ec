/** The bundle's entry (dist/action.js): runs the action once. */
import { run } from './main.ts';

void run();
