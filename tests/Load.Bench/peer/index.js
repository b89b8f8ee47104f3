// The load benchmark's peer: a minimal intake bot on the official JavaScript Bot Framework SDK.
// CloudAdapter with authentication off (no app id), MemoryStorage for ConversationState, and a
// 6-step WaterfallDialog of TextPrompt/ChoicePrompt questions in Japanese. Served by node's http
// module on POST /api/messages; deliveryMode "expectReplies" answers in the response body.
//
//   node index.js [--port N] [--host 127.0.0.1]   (or PORT / HOST in the environment)
//
// It prints "listening on http://HOST:PORT" once ready; the load client waits for that line.
'use strict';

const http = require('node:http');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
} = require('botbuilder');
const {
    ChoicePrompt,
    DialogSet,
    DialogTurnStatus,
    ListStyle,
    TextPrompt,
    WaterfallDialog,
} = require('botbuilder-dialogs');

const MAX_BODY = 256 * 1024;

function option(name, fallback) {
    const at = process.argv.indexOf(`--${name}`);
    if (at >= 0 && at + 1 < process.argv.length) {
        return process.argv[at + 1];
    }
    return process.env[name.toUpperCase()] || fallback;
}

// Empty credentials: no app id, no password, so requests without an Authorization header are
// accepted as anonymous (the Bot Framework Emulator's local mode). Loopback only.
const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error(`[onTurnError] ${error && error.stack ? error.stack : error}`);
    await context.sendActivity('申し訳ありません。エラーが起きました。');
};

const conversationState = new ConversationState(new MemoryStorage());
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);

const INTAKE = 'intake';
const CHOICE = 'choice';
const TEXT = 'text';
const AGE = 'age';

let nextReference = 1;

function choice(step, prompt, labels) {
    return step.prompt(CHOICE, {
        prompt,
        retryPrompt: `ボタンから選んでください：${labels.join('、')}`,
        choices: labels,
        style: ListStyle.suggestedAction,
    });
}

dialogs.add(new ChoicePrompt(CHOICE, undefined, 'ja-jp'));
dialogs.add(new TextPrompt(TEXT));
dialogs.add(new TextPrompt(AGE, async (prompt) => /[0-9０-９]/.test(prompt.recognized.value || '')));
dialogs.add(new WaterfallDialog(INTAKE, [
    async (step) => choice(step, 'ご相談されるのはどなたですか。', ['本人', '家族', '支援者']),
    async (step) => {
        step.values.who = step.result.value;
        return step.prompt(AGE, { prompt: 'ご本人の年齢を教えてください。', retryPrompt: '年齢を数字で教えてください（例：72歳）。' });
    },
    async (step) => {
        step.values.age = step.result;
        return choice(step, 'ご本人はいま、どのような状況ですか。', ['刑務所に入っている', '裁判中', '出所した']);
    },
    async (step) => {
        step.values.situation = step.result.value;
        return choice(step, '帰る住まいはありますか。', ['ある', 'ない', 'わからない']);
    },
    async (step) => {
        step.values.housing = step.result.value;
        return step.prompt(TEXT, { prompt: 'ご連絡先（電話番号かメール）を教えてください。' });
    },
    async (step) => {
        step.values.contact = step.result;
        const summary = [
            `相談する方：${step.values.who}`,
            `年齢：${step.values.age}`,
            `状況：${step.values.situation}`,
            `住まい：${step.values.housing}`,
            `連絡先：${step.values.contact}`,
        ].join('\n');
        return choice(step, `この内容で送信しますか。\n${summary}`, ['送信する', 'やり直す']);
    },
    async (step) => {
        if (step.result.value !== '送信する') {
            await step.context.sendActivity('はじめからやり直します。');
            return step.replaceDialog(INTAKE);
        }
        const reference = `PEER-${String(nextReference++).padStart(6, '0')}`;
        await step.context.sendActivity(`受け付けました。受付番号は ${reference} です。`);
        return step.endDialog(reference);
    },
]));

class IntakeBot extends ActivityHandler {
    constructor() {
        super();
        this.onMembersAdded(async (context, next) => {
            const botId = context.activity.recipient && context.activity.recipient.id;
            if ((context.activity.membersAdded || []).some((m) => m.id !== botId)) {
                await context.sendActivity('こんにちは。地域生活定着支援センターの相談受付です。');
                await this.continueDialog(context);
            }
            await next();
        });
        this.onMessage(async (context, next) => {
            await this.continueDialog(context);
            await next();
        });
    }

    async continueDialog(context) {
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
            await dc.beginDialog(INTAKE);
        }
    }

    async run(context) {
        await super.run(context);
        await conversationState.saveChanges(context, false);
    }
}

const bot = new IntakeBot();

// CloudAdapter.process wants express/restify-like objects: a parsed req.body and res.status/send/end.
function responseFor(res) {
    return {
        socket: res.socket,
        header(name, value) {
            res.setHeader(name, value);
        },
        status(code) {
            res.statusCode = code;
        },
        send(body) {
            if (body === undefined || body === null) {
                return;
            }
            if (typeof body === 'string' || Buffer.isBuffer(body)) {
                res.write(body);
            } else {
                if (!res.headersSent) {
                    res.setHeader('content-type', 'application/json; charset=utf-8');
                }
                res.write(JSON.stringify(body));
            }
        },
        end() {
            res.end();
        },
    };
}

function fail(res, status, message) {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify({ error: { code: 'BadRequest', message } }));
}

const server = http.createServer((req, res) => {
    const path = (req.url || '').split('?')[0];
    if (req.method === 'GET' && path === '/healthz') {
        res.setHeader('content-type', 'application/json');
        res.end('{"status":"ok"}');
        return;
    }
    if (path !== '/api/messages') {
        fail(res, 404, 'Not found.');
        return;
    }
    if (req.method !== 'POST') {
        fail(res, 405, 'POST only.');
        return;
    }

    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
        size += chunk.length;
        if (size > MAX_BODY) {
            fail(res, 413, 'Body too large.');
            req.destroy();
            return;
        }
        chunks.push(chunk);
    });
    req.on('end', () => {
        if (res.writableEnded) {
            return;
        }
        try {
            req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            fail(res, 400, 'Body is not JSON.');
            return;
        }
        adapter.process(req, responseFor(res), (context) => bot.run(context)).catch((err) => {
            console.error(err);
            if (!res.writableEnded) {
                fail(res, 500, 'Internal error.');
            }
        });
    });
});
// Keep the load client's connections open between turns, as a reverse proxy would.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

const host = option('host', '127.0.0.1');
const port = Number(option('port', '3978'));
server.listen(port, host, () => {
    const address = server.address();
    console.log(`listening on http://${address.address}:${address.port}`);
});

function stop() {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
