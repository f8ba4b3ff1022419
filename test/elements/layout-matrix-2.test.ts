// The layout matrix (test/support/layout-matrix.ts), part 2 of 6, in files of two languages each so that
// they run in parallel and each ends well within the runner's two minutes: nl, de.
import { describeMatrix } from '../support/layout-matrix.js';

describeMatrix(['nl', 'de']);
