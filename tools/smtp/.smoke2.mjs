import nodemailer from 'nodemailer';
import net from 'node:net';
const nd = process.argv[3] === 'nodelay';
const t = nodemailer.createTransport({ host: '127.0.0.1', port: 2731, pool: true, maxConnections: 8, maxMessages: 1000,
  ...(nd ? { getSocket: (o, cb) => { const s = net.connect({ host: o.host, port: o.port, noDelay: true }, () => cb(null, { connection: s })); s.once('error', cb); } } : {}) });
const N = Number(process.argv[2] || 5);
const s = Date.now();
await Promise.all(Array.from({ length: N }, (_, i) => t.sendMail({ from: 'a@b.c', to: `x${i}@e.com`, subject: `Hé <b>${i}</b>`, text: 'hello', html: '<p>hi &amp;</p>', headers: { 'X-ClosedLoop-Notice': 'n' + i } })));
console.log(N, nd, 'sent in', Date.now() - s, 'ms');
t.close();
