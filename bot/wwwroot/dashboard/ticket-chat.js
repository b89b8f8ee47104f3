// The ticket page's live chat. Everything the conversation says is data: it goes into the page
// with textContent only (never innerHTML), so a message such as <img onerror> shows as typed.
(() => {
  'use strict';
  const panel = document.getElementById('live-chat');
  if (!panel) {
    return;
  }

  const log = panel.querySelector('.chat-log');
  const status = panel.querySelector('.chat-status');
  const typing = panel.querySelector('.chat-typing');
  const error = panel.querySelector('.chat-error');
  const join = panel.querySelector('.chat-join');
  const back = panel.querySelector('.chat-handback');
  const form = panel.querySelector('.chat-form');
  const box = form ? form.querySelector('textarea') : null;
  const tokenField = panel.querySelector('input[name="__csrf"]');
  const token = tokenField ? tokenField.value : '';
  const api = panel.dataset.api;
  const isAdmin = panel.dataset.admin === 'true';
  const seen = new Set();
  let joinedByMe = false;

  const time = (at) => {
    const d = new Date(at);
    return isNaN(d) ? '' : d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', hour12: false });
  };

  const speaker = (m) => m.from === 'user' ? '相談者' : m.from === 'coordinator' ? `相談員（${m.name || ''}）` : 'ボット';

  const add = (m) => {
    if (seen.has(m.sequence)) {
      return;
    }

    seen.add(m.sequence);
    const item = document.createElement('li');
    item.className = m.from === 'user' ? 'user' : m.from === 'coordinator' ? 'coordinator' : 'bot';
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = `${time(m.at)} ${speaker(m)}`;
    const text = document.createElement('div');
    text.className = 'text';
    text.textContent = m.text;
    item.append(meta, text);
    log.append(item);
    item.scrollIntoView({ block: 'nearest' });
  };

  const show = (s) => {
    joinedByMe = !!s.joinedByMe;
    status.textContent = !s.available ? '会話はもう残っていません。'
      : s.coordinator ? (s.joinedByMe ? 'あなたがチャット中です（ボットは答えません）。' : `相談員（${s.coordinator}）がチャット中です。`)
      : s.waitingSince ? '相談者が相談員を待っています。'
      : 'ボットが応対しています。';
    panel.classList.toggle('waiting', !!s.waitingSince && !s.coordinator);
    typing.hidden = !s.userTyping;
    if (join) {
      join.hidden = !(s.available && s.canWrite && !s.coordinator);
    }

    if (back) {
      back.hidden = !(s.available && s.coordinator && (s.joinedByMe || isAdmin));
    }

    if (form) {
      form.hidden = !(s.available && s.canWrite);
    }
  };

  const post = async (path, body, quiet) => {
    let response;
    try {
      response = await fetch(api + path, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token },
        body: JSON.stringify(body || {}),
      });
    } catch {
      if (!quiet) {
        error.textContent = '送信できませんでした。通信を確認してください。';
      }

      return null;
    }

    if (!quiet) {
      let message = '';
      if (!response.ok) {
        message = '送信できませんでした。';
        try {
          message = (await response.json()).error.message || message;
        } catch {
          // Not JSON: keep the general message.
        }
      }

      error.textContent = message;
    }

    return response;
  };

  const events = new EventSource(panel.dataset.events);
  events.addEventListener('message', (e) => add(JSON.parse(e.data)));
  events.addEventListener('state', (e) => show(JSON.parse(e.data)));
  events.addEventListener('error', () => {
    status.textContent = '接続が切れました。再接続しています…';
  });

  if (join) {
    join.addEventListener('click', () => post('/join'));
  }

  if (back) {
    back.addEventListener('click', () => post('/handback'));
  }

  if (form && box) {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = box.value;
      if (!text.trim()) {
        return;
      }

      const response = await post('/messages', { text });
      if (response && response.ok) {
        box.value = '';
      }
    });

    let lastTyping = 0;
    box.addEventListener('input', () => {
      const now = Date.now();
      if (joinedByMe && now - lastTyping > 2000) {
        lastTyping = now;
        post('/typing', null, true);
      }
    });
  }
})();
