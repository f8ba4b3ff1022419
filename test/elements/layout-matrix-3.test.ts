// The layout matrix (test/support/layout-matrix.ts), part 3 of 6, in files of two languages each so that
// they run in parallel and each ends well within the runner's two minutes: fr, es.
import { describeMatrix } from '../support/layout-matrix.js';

describeMatrix(['fr', 'es']);
