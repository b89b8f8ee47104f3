// Connects the official Web Chat to this host's Direct Line endpoint.
// The page never sees a secret: it asks /api/webchat/token for a token bound to one conversation.
// The conversation id and a resume key (valid for hours) stay in localStorage, so a reload
// continues an unfinished conversation. Once the intake is filed the page forgets them, and
// 「この端末から会話を消す」 forgets them at any time: on a shared computer the next person
// gets a fresh chat, never the last family's story. The token itself is never stored.
(function () {
  'use strict';

  var STORAGE_KEY = 'intakebot.webchat';
  var statusLine = document.getElementById('status');

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_KEY)) || null; } catch (e) { return null; }
  }

  function save(session) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({
        conversationId: session.conversationId,
        userId: session.userId,
        resume: session.resume,
        watermark: session.watermark || ''
      }));
    } catch (e) { /* private mode: the chat still works, only without resume */ }
  }

  function forget() {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  }

  function showError(text) {
    statusLine.textContent = text;
    statusLine.className = 'status error';
  }

  function requestToken(body) {
    return fetch('/api/webchat/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {})
    });
  }

  async function session() {
    var saved = load();
    if (saved && saved.resume) {
      var resumed = await requestToken({ resume: saved.resume });
      if (resumed.ok) {
        var s = await resumed.json();
        s.watermark = saved.watermark;
        return s;
      }
      // Expired or unknown: start afresh rather than fail.
      forget();
    }
    var fresh = await requestToken({});
    if (!fresh.ok) { throw new Error('token ' + fresh.status); }
    return fresh.json();
  }

  document.getElementById('forget-conversation').addEventListener('click', function () {
    // Only this device forgets: what reached the center stays there.
    if (!window.confirm('この端末から会話を消して、新しい相談を始めますか？\nセンターに届いた内容は消えません。')) { return; }
    forget();
    window.location.replace(window.location.pathname);
  });

  // The server marks the replies of the turn that filed the intake (channelData.intakebot.filed).
  function filedIntake(activity) {
    var data = activity.channelData;
    return !!(data && data.intakebot && data.intakebot.filed === true);
  }

  session().then(function (s) {
    save(s);
    // The host still has the shipped sample profile: nobody may take its phone number for real.
    document.getElementById('sample-notice').hidden = !s.sample;
    var directLine = window.WebChat.createDirectLine({
      domain: window.location.origin + '/v3/directline',
      token: s.token,
      // A resumed conversation is reopened (GET …/conversations/{id}); the stream replays it
      // from the start so the page shows the whole conversation again after a reload.
      conversationId: s.resumed ? s.conversationId : undefined,
      webSocket: true
    });

    var filed = false;
    directLine.activity$.subscribe(function (activity) {
      if (filed) { return; }
      if (filedIntake(activity)) {
        // Filed: the screen keeps the reference number for now, but a reload starts afresh.
        filed = true;
        forget();
        return;
      }
      // The id's suffix is the watermark after the activity ("{conversationId}|0000012").
      // A coordinator's typing ("{conversationId}|typing-…") is outside the stream's order.
      var position = (activity.id || '').split('|')[1];
      if (position && /^[0-9]+$/.test(position)) {
        s.watermark = String(parseInt(position, 10));
        save(s);
      }
    });

    statusLine.textContent = '';
    window.WebChat.renderWebChat({
      directLine: directLine,
      // Must be the token's user: Web Chat shows buttons only when `to` names its user.
      userID: s.userId,
      locale: 'ja-JP',
      // A coordinator in the chat sees 「入力中…」 while the person types (never stored).
      sendTypingIndicator: true,
      styleOptions: {
        hideUploadButton: true,
        disableFileUpload: true,
        bubbleMaxWidth: 600,
        suggestedActionLayout: 'flow',
        sendBoxButtonShadeBorderRadius: 4,
        primaryFont: '"Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif'
      }
    }, document.getElementById('webchat'));
    document.querySelector('#webchat input, #webchat textarea') && document.querySelector('#webchat input, #webchat textarea').focus();
  }).catch(function () {
    showError('接続できませんでした。しばらくしてから、ページを読み込み直してください。');
  });
})();
