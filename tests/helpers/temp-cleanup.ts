/** Runs before every test file: removes the folders the file made once its tests are done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
