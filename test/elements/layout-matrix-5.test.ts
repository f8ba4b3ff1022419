// The layout matrix (test/support/layout-matrix.ts), part 5 of 6, in files of two languages each so that
// they run in parallel and each ends well within the runner's two minutes: sv, pl.
import { describeMatrix } from '../support/layout-matrix.js';

describeMatrix(['sv', 'pl']);
