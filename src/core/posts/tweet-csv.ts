import type { PostsDataset } from './post';
import { isTagsCsv, readTagsCsv } from './tags-csv';
import { isTwarcCsv, readTwarcCsv } from './twarc-csv';
import { isTwarcJson2Csv, readTwarcJson2Csv } from './twarc-json2csv';
import { headerNames } from './tweet-table';

/** Tweet tables other tools export, told apart by their header row alone. */
type TweetCsvReader = (text: string, file: string) => PostsDataset;

function readerFor(text: string): TweetCsvReader | undefined {
  const names = headerNames(text);
  if (!names) return undefined;
  if (isTwarcCsv(names)) return readTwarcCsv;
  if (isTwarcJson2Csv(names)) return readTwarcJson2Csv;
  if (isTagsCsv(names)) return readTagsCsv;
  return undefined;
}

/** True when the text starts with the header of a TAGS, twarc json2csv or twarc-csv table. */
export function isTweetCsv(text: string): boolean {
  return readerFor(text) !== undefined;
}

/** Reads a TAGS, twarc json2csv or twarc-csv table; undefined when the header is none of them. */
export function readTweetCsv(text: string, file: string): PostsDataset | undefined {
  return readerFor(text)?.(text, file);
}
