/** What both stores share for `zmot_comments`: the score range of an NPS group, and a row as the API answers it. */
import type { CommentItem, NpsGroup } from '../../report/types.js';

/** The lowest and highest score of a group; every score without one. */
export function scoreRange(group: NpsGroup | undefined): [number, number] {
  switch (group) {
    case 'detractor':
      return [0, 6];
    case 'passive':
      return [7, 8];
    case 'promoter':
      return [9, 10];
    default:
      return [0, 10];
  }
}

export interface CommentRecord {
  id: string;
  ts: number | string;
  product: string;
  score: number;
  comment: string;
  handled: number | string | null;
}

export function commentItem(row: CommentRecord): CommentItem {
  return {
    id: row.id,
    score: Number(row.score),
    comment: row.comment,
    product: row.product,
    date: new Date(Number(row.ts)).toISOString(),
    handled: row.handled !== null,
  };
}
