// The live desk (issue 23): listens to /dashboard/events and keeps the queue page current
// without a reload: the rows and reminders, the counter of unclaimed 緊急/高, the tab's title,
// and a short sound for a new 緊急 once the coordinator has turned sound on (browsers allow
// audio only after a click). Without this script the page is the same and a reload shows what
// is new. Ticket data reaches the page only as nodes parsed from the server's own encoded
// markup (DOMParser runs no script, and the CSP allows none inline) or as textContent.
(function () {
  'use strict';

  var live = document.getElementById('live');
  if (!live || typeof EventSource === 'undefined' || typeof DOMParser === 'undefined') {
    return;
  }

  var baseTitle = document.body.getAttribute('data-title') || document.title;
  var stamp = live.getAttribute('data-stamp');
  var latestUrgent = Number(live.getAttribute('data-latest-urgent')) || 0;
  var latestWaiting = Number(live.getAttribute('data-latest-waiting')) || 0;
  var soundButton = document.getElementById('desk-sound');
  var status = document.getElementById('desk-status');
  var audio = null;
  var refreshing = false;
  var again = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function setTitle(urgent, waiting) {
    document.title = (waiting > 0 ? '(' + waiting + ') チャット待ち – ' : '')
      + (urgent > 0 ? '(' + urgent + ') 緊急 – ' : '') + baseTitle + ' – IntakeBot';
  }

  function setCounter(urgent, high, waiting) {
    var u = document.getElementById('count-urgent');
    var h = document.getElementById('count-high');
    var w = document.getElementById('count-waiting');
    if (u) {
      u.textContent = '緊急 ' + urgent + '件';
    }
    if (h) {
      h.textContent = '高 ' + high + '件';
    }
    if (w) {
      w.textContent = 'チャット待ち ' + waiting + '人';
    }
  }

  function beep(context, at, frequency) {
    var oscillator = context.createOscillator();
    var gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.3);
  }

  function ring(kind) {
    // Counted on the page, so it can be seen (and tested) even with sound off.
    var attribute = kind === 'waiting' ? 'data-waiting-rings' : 'data-urgent-rings';
    var rings = (Number(document.body.getAttribute(attribute)) || 0) + 1;
    document.body.setAttribute(attribute, String(rings));
    if (audio && audio.state === 'running') {
      var now = audio.currentTime;
      beep(audio, now, 880);
      beep(audio, now + 0.3, 660);
      beep(audio, now + 0.6, 880);
    }
  }

  if (soundButton) {
    var AudioContextType = window.AudioContext || window.webkitAudioContext;
    if (AudioContextType) {
      soundButton.hidden = false;
      soundButton.addEventListener('click', function () {
        audio = audio || new AudioContextType();
        audio.resume().then(function () {
          soundButton.hidden = true;
          say('自動更新中・新しい緊急の相談票や、チャットで相談員を待つ人が来ると音が鳴ります');
          beep(audio, audio.currentTime, 880);
        });
      });
    }
  }

  function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    fetch('/dashboard/live' + window.location.search, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          // Logged out or refused: a reload shows the login page or the error.
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
        if (fresh) {
          var node = document.importNode(fresh, true);
          live.replaceWith(node);
          live = node;
        }
      })
      .catch(function () {
        say('一覧を更新できませんでした。ページを再読み込みしてください。');
      })
      .then(function () {
        refreshing = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  var source = new EventSource('/dashboard/events');
  source.addEventListener('open', function () {
    if (!audio || audio.state !== 'running') {
      say('自動更新中');
    }
  });
  source.addEventListener('desk', function (event) {
    var state;
    try {
      state = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    setCounter(state.urgent, state.high, state.waiting || 0);
    setTitle(state.urgent, state.waiting || 0);
    if (state.latestUrgent > latestUrgent) {
      ring('urgent');
    }
    // Someone new asked for a person in the chat: the same bell.
    if ((state.latestWaiting || 0) > latestWaiting) {
      ring('waiting');
    }
    latestUrgent = Math.max(latestUrgent, state.latestUrgent);
    latestWaiting = Math.max(latestWaiting, state.latestWaiting || 0);
    if (state.stamp !== stamp) {
      stamp = state.stamp;
      refresh();
    }
  });
  source.addEventListener('error', function () {
    if (source.readyState === EventSource.CLOSED) {
      say('自動更新が止まりました。ページを再読み込みしてください。');
    } else {
      say('再接続しています…');
    }
  });
})();
