export {
  bucketKey,
  bucketValue,
  GAMMA,
  LN_GAMMA,
  MAX_KEY,
  MIN_KEY,
  MIN_POSITIVE_MS,
  RELATIVE_ERROR_BOUND,
} from './mapping';
export { nearestRank, quantile, quantiles } from './quantile';
export { addValue, addValues, count, createSketch, mergeInto, type Sketch } from './sketch';
export { SketchError, type SketchErrorCode } from './sketch-error';
export { fromSparse, mergeSparse, type SparseSketch, type SparseSketchArrays, toSparse } from './sparse';
