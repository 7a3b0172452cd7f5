#!/usr/bin/env node
// Test SMTP server for local development and tests: really speaks SMTP and keeps what it receives.
//
//   SMTP  127.0.0.1:${SMTP_PORT:-2525}        no auth required, no TLS (STARTTLS disabled)
//   HTTP  127.0.0.1:${SMTP_HTTP_PORT:-8025}
//     GET    /health                     {"status":"ok", ...}
//     GET    /api/messages               every message as parsed JSON, oldest first
//     GET    /api/messages/:id           one message as parsed JSON
//     GET    /api/messages/:id/raw       the message as received (message/rfc822)
//     DELETE /api/messages               deletes every stored message
//
// Messages are kept in $CLOSEDLOOP_STATE/smtp/messages (or $SMTP_STORE_DIR) in one append-only file,
// messages.log: per message a JSON line { id, receivedAt, size, envelope } then the raw bytes and
// "\n". Receiving a message costs one buffered append; it is parsed (mailparser) only when the HTTP
// API is asked for it, and the parsed form is cached in memory. The API's JSON per message:
// { id, receivedAt, size, envelope: { from, to[] }, messageId, subject, date, from, to,
// cc, replyTo, headers: { lowercase-name: string | string[] }, text, html, attachments[] }.
// Header values are strings (arrays for repeated headers): unstructured headers (subject, x-*, list-*)
// decoded, structured ones (addresses, dates, content-type) as sent, unfolded. from/to/cc/replyTo are
// the decoded address lists as text ("Name" <a@b>, c@d). text and html are "" when absent.
// Messages stored by earlier versions (<id>.eml + <id>.json files in the same folder) are still served.
// At most $SMTP_PARSED_CACHE (default 20,000) parsed messages are kept in memory; older ones are parsed again.
// Logs go to $CLOSEDLOOP_STATE/smtp/server.log (or $SMTP_LOG_FILE; "-" for stdout).
// Plain Node ESM, no build step; needs the npm packages smtp-server and mailparser.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stateDir = resolve(process.env.CLOSEDLOOP_STATE || join(repoRoot, '.stack'));
const host = process.env.SMTP_BIND_HOST || '127.0.0.1';
const smtpPort = Number(process.env.SMTP_PORT || 2525);
const httpPort = Number(process.env.SMTP_HTTP_PORT || 8025);
const storeDir = resolve(process.env.SMTP_STORE_DIR || join(stateDir, 'smtp', 'messages'));
const logFile = process.env.SMTP_LOG_FILE || join(stateDir, 'smtp', 'server.log');
const maxSize = Number(process.env.SMTP_MAX_SIZE || 25 * 1024 * 1024);
const ID_PATTERN = /^[0-9]{13}-[0-9a-f]{8}$/;
/** SMTP_LOG_MESSAGES=0: no log line per stored message. */
const verbose = process.env.SMTP_LOG_MESSAGES !== '0';

mkdirSync(storeDir, { recursive: true });
let logStream = process.stdout;
if (logFile !== '-') {
  mkdirSync(dirname(logFile), { recursive: true });
  logStream = createWriteStream(logFile, { flags: 'a' });
}
function log(...parts) {
  logStream.write(`[${new Date().toISOString()}] ${parts.join(' ')}\n`);
}

// ---------------------------------------------------------------------------------------------
// Storage

function newId() {
  return `${Date.now()}-${randomBytes(4).toString('hex')}`;
}

function addressText(value) {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/** Header name -> decoded value; repeated headers become arrays. */
function headerObject(parsed) {
  const raw = {};
  for (const { key, line } of parsed.headerLines ?? []) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    (raw[key] ??= []).push(value);
  }
  const out = {};
  for (const [key, values] of Object.entries(raw)) {
    // mailparser decodes unstructured headers (encoded words) into strings: prefer those.
    const decoded = parsed.headers?.get(key);
    if (values.length === 1) {
      out[key] = typeof decoded === 'string' ? decoded : values[0];
    } else {
      out[key] = Array.isArray(decoded) && decoded.every((d) => typeof d === 'string') ? decoded : values;
    }
  }
  return out;
}

function parsedJson(id, receivedAt, envelope, raw, parsed) {
  return {
    id,
    receivedAt,
    size: raw.length,
    envelope,
    messageId: parsed.messageId ?? '',
    subject: parsed.subject ?? '',
    date: parsed.date ? parsed.date.toISOString() : null,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    cc: addressText(parsed.cc),
    replyTo: addressText(parsed.replyTo),
    headers: headerObject(parsed),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    attachments: (parsed.attachments ?? []).map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      contentId: a.contentId ?? null,
    })),
  };
}

const logPath = join(storeDir, 'messages.log');
/**
 * Every stored message, oldest first: { id, receivedAt, size, envelope, offset (of the raw bytes in
 * messages.log) | legacy (true: <id>.eml/<id>.json files), raw (until its append is flushed) }.
 */
const index = [];
const byId = new Map();
/** id -> the message's API JSON (a string), filled on first request; the oldest go past SMTP_PARSED_CACHE. */
const parsedCache = new Map();
const parsedCacheMax = Number(process.env.SMTP_PARSED_CACHE || 20_000);
let logSize = 0;
let appendStream;

/** Rebuilds the index from messages.log (and earlier versions' files) at startup. */
function loadIndex() {
  const legacy = [];
  for (const name of readdirSync(storeDir)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const id = name.slice(0, -'.json'.length);
    if (!ID_PATTERN.test(id)) continue;
    try {
      const m = JSON.parse(readFileSync(join(storeDir, name), 'utf8'));
      legacy.push({ id, receivedAt: m.receivedAt, size: m.size, envelope: m.envelope, legacy: true });
    } catch (err) {
      log('unreadable', name, String(err));
    }
  }
  legacy.sort((x, y) => x.receivedAt.localeCompare(y.receivedAt) || x.id.localeCompare(y.id));
  for (const entry of legacy) addEntry(entry);
  let size = 0;
  try {
    size = statSync(logPath).size;
  } catch {
    size = 0;
  }
  let pos = 0;
  if (size > 0) {
    const fd = openSync(logPath, 'r');
    const head = Buffer.alloc(64 * 1024);
    try {
      while (pos < size) {
        const n = readSync(fd, head, 0, head.length, pos);
        const nl = head.subarray(0, n).indexOf(10);
        if (nl < 0) break;
        const meta = JSON.parse(head.subarray(0, nl).toString('utf8'));
        const offset = pos + nl + 1;
        if (offset + meta.size + 1 > size) break; // a record cut short by a crash
        addEntry({ ...meta, offset });
        pos = offset + meta.size + 1;
      }
    } finally {
      closeSync(fd);
    }
  }
  if (pos !== size) {
    log(`messages.log: dropping ${size - pos} trailing byte(s) of an incomplete record`);
    truncateSync(logPath, pos);
  }
  logSize = pos;
}

function addEntry(entry) {
  index.push(entry);
  byId.set(entry.id, entry);
}

function openAppendStream() {
  appendStream = createWriteStream(logPath, { flags: 'a' });
  appendStream.on('error', (err) => log('messages.log write error:', err.stack || String(err)));
}

/** In-flight appends, and a running clear (appends wait for it). */
const pendingAppends = new Set();
let clearing;

/** Appends one message to messages.log; resolves once the bytes are handed to the OS. */
async function storeMessage(raw, session) {
  while (clearing) await clearing;
  const id = newId();
  const receivedAt = new Date().toISOString();
  const envelope = {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
  };
  const meta = { id, receivedAt, size: raw.length, envelope };
  const head = Buffer.from(`${JSON.stringify(meta)}\n`, 'utf8');
  const entry = { ...meta, offset: logSize + head.length, raw };
  logSize += head.length + raw.length + 1;
  addEntry(entry);
  const written = new Promise((resolveStore, rejectStore) => {
    appendStream.write(Buffer.concat([head, raw, Buffer.from('\n')]), (err) => {
      if (err) return rejectStore(err);
      delete entry.raw;
      resolveStore(entry);
    });
  });
  pendingAppends.add(written);
  try {
    return await written;
  } finally {
    pendingAppends.delete(written);
  }
}

async function rawOf(entry) {
  if (entry.raw) return entry.raw;
  if (entry.legacy) return readFile(join(storeDir, `${entry.id}.eml`));
  const handle = await open(logPath, 'r');
  try {
    const buffer = Buffer.alloc(entry.size);
    await handle.read(buffer, 0, entry.size, entry.offset);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** The message's API JSON (as a string), parsed on first request. */
async function messageJson(entry) {
  const cached = parsedCache.get(entry.id);
  if (cached) return cached;
  let json;
  if (entry.legacy) {
    json = JSON.stringify(JSON.parse(await readFile(join(storeDir, `${entry.id}.json`), 'utf8')));
  } else {
    const raw = await rawOf(entry);
    let parsed;
    try {
      parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    } catch (err) {
      log('parse error for', entry.id, String(err));
      parsed = { headerLines: [], headers: new Map() };
    }
    json = JSON.stringify(parsedJson(entry.id, entry.receivedAt, entry.envelope, raw, parsed));
  }
  if (byId.get(entry.id) === entry) {
    parsedCache.set(entry.id, json);
    if (parsedCache.size > parsedCacheMax) parsedCache.delete(parsedCache.keys().next().value);
  }
  return json;
}

async function listMessagesJson() {
  const entries = index.slice();
  const parts = [];
  for (const entry of entries) parts.push(await messageJson(entry));
  return `[${parts.join(',')}]`;
}

async function clearMessages() {
  while (clearing) await clearing;
  let done;
  clearing = new Promise((r) => (done = r));
  try {
    await Promise.allSettled([...pendingAppends]);
    const deleted = index.length;
    const names = readdirSync(storeDir).filter((n) => n.endsWith('.json') || n.endsWith('.eml'));
    await Promise.all(names.map((n) => unlink(join(storeDir, n)).catch(() => undefined)));
    // The append stream writes with O_APPEND: after truncation it writes from offset 0 again.
    truncateSync(logPath, 0);
    index.length = 0;
    byId.clear();
    parsedCache.clear();
    logSize = 0;
    return deleted;
  } finally {
    clearing = undefined;
    done();
  }
}

// ---------------------------------------------------------------------------------------------
// SMTP

const smtp = new SMTPServer({
  name: 'closedloop-test-smtp',
  banner: 'ClosedLoop test SMTP server',
  secure: false,
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  size: maxSize,
  logger: false,
  onAuth(auth, _session, callback) {
    // Accept any credentials, so clients configured with auth work too.
    callback(null, { user: auth.username || 'anonymous' });
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', (err) => callback(err));
    stream.on('end', () => {
      if (stream.sizeExceeded) {
        const err = new Error(`message exceeds the fixed maximum message size of ${maxSize} bytes`);
        err.responseCode = 552;
        log('rejected oversized message from', session.remoteAddress);
        return callback(err);
      }
      storeMessage(Buffer.concat(chunks), session).then(
        (m) => {
          if (verbose) log(`stored ${m.id} from=<${m.envelope.from}> to=<${m.envelope.to.join('>,<')}> size=${m.size}`);
          callback(null, `Message queued as ${m.id}`);
        },
        (err) => {
          log('could not store message:', err.stack || String(err));
          const e = new Error('could not store the message');
          e.responseCode = 451;
          callback(e);
        },
      );
    });
  },
});
smtp.on('error', (err) => log('smtp error:', err.stack || String(err)));
// Replies go out at once (no Nagle delay on multi-line replies such as EHLO's).
smtp.server.on('connection', (socket) => socket.setNoDelay(true));

// ---------------------------------------------------------------------------------------------
// HTTP API

function send(res, status, body, type = 'application/json; charset=utf-8') {
  const payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(payload);
}

async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';
  if (path === '/health' && (method === 'GET' || method === 'HEAD')) {
    return send(res, 200, { status: 'ok', smtp: `${host}:${smtpPort}`, messages: index.length, pid: process.pid });
  }
  if (path === '/api/messages') {
    if (method === 'GET') return send(res, 200, await listMessagesJson());
    if (method === 'DELETE') {
      const deleted = await clearMessages();
      log(`cleared ${deleted} message(s)`);
      return send(res, 200, { deleted });
    }
    return send(res, 405, { error: 'method not allowed' });
  }
  const m = /^\/api\/messages\/([^/]+)(\/raw)?$/.exec(path);
  if (m && method === 'GET') {
    const entry = byId.get(decodeURIComponent(m[1]));
    if (!entry) return send(res, 404, { error: 'no such message' });
    try {
      if (m[2]) return send(res, 200, await rawOf(entry), 'message/rfc822');
      return send(res, 200, await messageJson(entry));
    } catch (err) {
      if (err.code === 'ENOENT') return send(res, 404, { error: 'no such message' });
      throw err;
    }
  }
  return send(res, 404, { error: 'not found' });
}

const http = createServer((req, res) => {
  handle(req, res).catch((err) => {
    log('http error:', err.stack || String(err));
    if (!res.headersSent) send(res, 500, { error: String(err.message || err) });
    else res.destroy();
  });
});

// ---------------------------------------------------------------------------------------------
// Lifecycle

function listen(server, port, name) {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (err) => rejectListen(new Error(`${name} cannot listen on ${host}:${port}: ${err.message}`));
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolveListen();
    });
  });
}

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  const force = setTimeout(() => {
    log('forced exit after 5 s');
    process.exit();
  }, 5000);
  force.unref();
  http.closeAllConnections?.();
  Promise.all([
    new Promise((r) => smtp.close(r)),
    new Promise((r) => http.close(() => r())),
  ]).then(() => {
    log('stopped');
    if (logStream === process.stdout) process.exit();
    logStream.end(() => process.exit());
  });
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('uncaughtException', (err) => {
  log('uncaught exception:', err.stack || String(err));
  process.exitCode = 1;
  shutdown('uncaughtException');
});

loadIndex();
openAppendStream();

try {
  await listen(smtp.server, smtpPort, 'SMTP');
  await listen(http, httpPort, 'HTTP API');
  log(`listening: SMTP ${host}:${smtpPort}, HTTP http://${host}:${httpPort}, ${index.length} message(s) in ${storeDir} (pid ${process.pid})`);
} catch (err) {
  stopping = true;
  log(String(err.message || err));
  if (process.stderr.isTTY && logStream !== process.stdout) console.error(String(err.message || err));
  if (logStream === process.stdout) process.exit(1);
  logStream.end(() => process.exit(1));
}
