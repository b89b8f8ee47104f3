// Drives the official botframework-directlinejs client against the bot, exactly as Web Chat
// uses it, and prints one JSON line per event for the C# test to check.
// usage: node intake.js <domain> <token> <webSocket:true|false> <answers.json> [pause ms before each answer]
'use strict';
const fs = require('fs');

// directlinejs is written for browsers: give node the two browser APIs it needs.
global.XMLHttpRequest = require('xhr2');
global.WebSocket = require('ws');
const { DirectLine } = require('botframework-directlinejs');

const [domain, token, webSocket, answersFile, pauseMs] = process.argv.slice(2);
const pause = Number(pauseMs || 0);
const answers = JSON.parse(fs.readFileSync(answersFile, 'utf8'));
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const seen = [];
let wake = () => {};

const directLine = new DirectLine({ domain, token, webSocket: webSocket === 'true', pollingInterval: 500 });
directLine.connectionStatus$.subscribe((status) => out({ event: 'status', status }));
directLine.activity$.subscribe((a) => {
  seen.push(a);
  out({
    event: 'activity',
    id: a.id,
    role: a.from && a.from.role,
    text: a.text,
    replyToId: a.replyToId,
    clientActivityID: a.channelData && a.channelData.clientActivityID,
    timestamp: a.timestamp,
  });
  wake();
});

function until(check, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    const test = () => { const r = check(); if (r) { clearTimeout(timer); wake = () => {}; resolve(r); } };
    wake = test;
    test();
  });
}

function post(text, clientActivityID) {
  return new Promise((resolve, reject) => {
    directLine.postActivity({
      type: 'message',
      from: { id: 'r_directlinejs', role: 'user' },
      text,
      locale: 'ja-JP',
      channelData: { clientActivityID },
    }).subscribe(resolve, reject);
  });
}

(async () => {
  try {
    await until(() => seen.find((a) => a.from.role === 'bot' && a.suggestedActions), 20000);
    out({ event: 'welcome' });
    for (let i = 0; i < answers.length; i++) {
      // A person thinking: long enough, in the idle test, for the server to close the stream.
      if (pause > 0) { await new Promise((r) => setTimeout(r, pause)); }
      const clientActivityID = 'node-' + i + '-' + Date.now();
      const id = await post(answers[i], clientActivityID);
      const echo = await until(() => seen.find((a) => a.id === id), 20000);
      await until(() => seen.find((a) => a.replyToId === id), 20000);
      // A turn's replies commit together; give the last of them a moment to arrive.
      await new Promise((r) => setTimeout(r, webSocket === 'true' ? 100 : 700));
      const replies = seen.filter((a) => a.replyToId === id).map((a) => a.text);
      out({ event: 'turn', answer: answers[i], id, echoClientActivityID: echo.channelData && echo.channelData.clientActivityID, sentClientActivityID: clientActivityID, replies });
    }
    out({ event: 'done' });
    directLine.end();
    process.exit(0);
  } catch (e) {
    out({ event: 'error', message: String(e && e.message) });
    process.exit(1);
  }
})();
