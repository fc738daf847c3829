import type { Context } from 'koa';

/** PACAK's icon, 32 x 32: a yellow star on the service's green, one PNG inside an .ico (435 bytes). */
const FAVICON = Buffer.from(
  'AAABAAEAICAAAAEAIACdAQAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAWRJREFUeNrNVzsOAiEU9Ah7BI/gEbyB/7+Frd1WdiYWdhYmVnZ2ViYWdjbGzkoqa4/gEdAhWSUCCyzIuskkhOUxA7w3uxQK/DMexi+QF+iPQBiH8IyH0Y+JZUIiXkBI8o8IbttpToidVl+a9hncdsFhBctti8FpF1yCH9cqQy4CqosupbcKA9rBBewPjbcAtIMKKE76b/IE6AsmIF63BQHoCybgfqkJAtDnVUB53hOAVaLsvskT4B3GyGKNBETxgG52TSWBKzA3OLQ7MNu0vZNjTqsjQG3DZFyJMUeqT+i8npxrmckRq/1W6LIUZ8abjikQI5y3SxmmZb+sGrz7gMx8VLAypSzeb7L93gXY5oBXAXAyVZarqiTV/WwFyBKQNxaZcRknoskgfpWq2v72DLS9CEAtJ45mkt0YkzioFx8YrTr0dKxb/XBgLGIQayKA6CbL+rtlEEv+4GKS+9XsLy6nOV7Pn+bmARXk68LkAAAAAElFTkSuQmCC',
  'base64',
);

const ETAG = '"pacak-favicon-1"';

/**
 * `GET /favicon.ico`: browsers ask for it on every page of this server, and the hosted pages link it.
 * Cached a day, then revalidated by its ETag.
 */
export function serveFavicon(ctx: Context): void {
  ctx.set('Cache-Control', 'public, max-age=86400');
  ctx.set('ETag', ETAG);
  ctx.type = 'image/x-icon';
  if (ctx.get('if-none-match') === ETAG) {
    ctx.status = 304;
    return;
  }
  ctx.body = FAVICON;
}
