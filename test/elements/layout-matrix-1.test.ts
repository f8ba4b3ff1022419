// The layout matrix (test/support/layout-matrix.ts), part 1 of 6, in files of two languages each so that
// they run in parallel and each ends well within the runner's two minutes: en, da.
import { describeMatrix } from '../support/layout-matrix.js';

describeMatrix(['en', 'da']);
