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
// Each message is stored in $CLOSEDLOOP_STATE/smtp/messages (or $SMTP_STORE_DIR) as <id>.eml (raw)
// and <id>.json: { id, receivedAt, size, envelope: { from, to[] }, messageId, subject, date, from, to,
// cc, replyTo, headers: { lowercase-name: string | string[] }, text, html, attachments[] }.
// Header values are strings (arrays for repeated headers): unstructured headers (subject, x-*, list-*)
// decoded, structured ones (addresses, dates, content-type) as sent, unfolded. from/to/cc/replyTo are
// the decoded address lists as text ("Name" <a@b>, c@d). text and html are "" when absent.
// Logs go to $CLOSEDLOOP_STATE/smtp/server.log (or $SMTP_LOG_FILE; "-" for stdout).
// Plain Node ESM, no build step; needs the npm packages smtp-server and mailparser.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
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

async function storeMessage(raw, session) {
  const id = newId();
  const receivedAt = new Date().toISOString();
  const envelope = {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
  };
  await writeFile(join(storeDir, `${id}.eml`), raw);
  let parsed;
  try {
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (err) {
    log('parse error for', id, String(err));
    parsed = { headerLines: [], headers: new Map() };
  }
  const message = {
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
  // Write-then-rename so readers never see half a JSON file.
  const tmp = join(storeDir, `.${id}.json.tmp`);
  await writeFile(tmp, JSON.stringify(message, null, 2));
  await rename(tmp, join(storeDir, `${id}.json`));
  return message;
}

async function listMessages() {
  const names = (await readdir(storeDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  const messages = [];
  for (const name of names) {
    try {
      messages.push(JSON.parse(await readFile(join(storeDir, name), 'utf8')));
    } catch (err) {
      if (err.code !== 'ENOENT') log('unreadable', name, String(err));
    }
  }
  return messages.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
}

async function clearMessages() {
  const names = (await readdir(storeDir)).filter((n) => n.endsWith('.json') || n.endsWith('.eml'));
  await Promise.all(names.map((n) => unlink(join(storeDir, n)).catch(() => undefined)));
  return names.filter((n) => n.endsWith('.json')).length;
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
          log(`stored ${m.id} from=<${m.envelope.from}> to=<${m.envelope.to.join('>,<')}> subject=${JSON.stringify(m.subject)} size=${m.size}`);
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
    const count = (await readdir(storeDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).length;
    return send(res, 200, { status: 'ok', smtp: `${host}:${smtpPort}`, messages: count, pid: process.pid });
  }
  if (path === '/api/messages') {
    if (method === 'GET') return send(res, 200, await listMessages());
    if (method === 'DELETE') {
      const deleted = await clearMessages();
      log(`cleared ${deleted} message(s)`);
      return send(res, 200, { deleted });
    }
    return send(res, 405, { error: 'method not allowed' });
  }
  const m = /^\/api\/messages\/([^/]+)(\/raw)?$/.exec(path);
  if (m && method === 'GET') {
    const id = decodeURIComponent(m[1]);
    if (!ID_PATTERN.test(id)) return send(res, 404, { error: 'no such message' });
    try {
      if (m[2]) return send(res, 200, await readFile(join(storeDir, `${id}.eml`)), 'message/rfc822');
      return send(res, 200, await readFile(join(storeDir, `${id}.json`), 'utf8'));
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

try {
  await listen(smtp.server, smtpPort, 'SMTP');
  await listen(http, httpPort, 'HTTP API');
  log(`listening: SMTP ${host}:${smtpPort}, HTTP http://${host}:${httpPort}, messages in ${storeDir} (pid ${process.pid})`);
} catch (err) {
  stopping = true;
  log(String(err.message || err));
  if (process.stderr.isTTY && logStream !== process.stdout) console.error(String(err.message || err));
  if (logStream === process.stdout) process.exit(1);
  logStream.end(() => process.exit(1));
}
