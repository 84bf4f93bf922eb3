/**
 * X's downloadable account archive (Settings → "Download an archive of your
 * data"), as its `data/` folder holds it: `tweets.js` (large archives add
 * `tweets-part1.js`…; older ones call it `tweet.js`) and `account.js`, which
 * names the account. The files are scripts (`window.YTD.tweets.part0 = […]`,
 * see archiveScript.ts); each tweet is `{ "tweet": { … } }` in the v1.1 shape
 * (`id_str`, `created_at`, `full_text`, `entities`, counts as strings), read
 * as twitterV1.ts reads a tweet, without `user`: every tweet is the account's,
 * and its author is filled in from account.js once every file is read
 * (loadDataset.ts), so a cached tweets.js is never tied to one account.js.
 *
 * A retweet in the archive is the account's own tweet, "RT @user: …", with the
 * text cut and no `retweeted_status`: it counts as a post of the account with
 * the text and hashtags the archive gives, and no `repostOf` (the archive does
 * not say which tweet it repeats).
 */
import { error, MissingValue } from '../../errors.ts';
import type { Post } from '../types.ts';
import { type Adapter, isObject, str } from './common.ts';
import { tweetPost } from './twitterV1.ts';

/** The author a tweet of the archive has until account.js names the account (no username can hold a NUL). */
export const ARCHIVE_ACCOUNT = '\u0000account';

/**
 * What an archive's `files` are when the manifest names none: its tweets (tweets.js, tweets-part1.js…; older archives
 * tweet.js) and its account, not the other files of its data folder (likes, messages, account-timezone.js,
 * tweet-headers.js, tweetdeck.js…).
 */
const X_ARCHIVE_FILES = '{account,tweet,tweets,tweet-part*,tweets-part*}.js';

export const xArchive: Adapter = {
  format: 'x-archive',
  files: X_ARCHIVE_FILES,
  scripts: ['tweets', 'tweet', 'account'],
  fields: {
    id: 'tweet.id_str',
    time: 'tweet.created_at',
    author: 'account.username (account.js)',
    text: 'tweet.full_text',
    hashtags: 'tweet.entities.hashtags[].text',
  },
  read(value, path, at, events): Post[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => xArchive.read(v, [...path, i], at, events));
    if (isObject(value) && isObject(value.account)) {
      const username = str(value.account.username);
      if (!username) throw error(MissingValue, at([...path, 'account', 'username']), 'account.username');
      events?.account(username, at([...path, 'account', 'username']));
      return [];
    }
    const tweet = isObject(value) && isObject(value.tweet) ? value.tweet : isObject(value) ? value : {};
    const where = isObject(value) && isObject(value.tweet) ? [...path, 'tweet'] : path;
    return [tweetPost({ ...tweet, user: { screen_name: ARCHIVE_ACCOUNT } }, where, at)];
  },
};
