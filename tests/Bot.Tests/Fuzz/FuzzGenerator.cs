using System.Text;
using IntakeBot.Bot.Staff;

namespace IntakeBot.Bot.Tests.Fuzz;

/// <summary>
/// Generates hostile requests over every endpoint. Request <c>i</c> of seed <c>s</c> depends only on
/// (s, i) and the world's live ids, so a failing request is regenerated from the seed and index
/// that the failure message prints.
/// </summary>
public sealed class FuzzGenerator(int seed, FuzzWorld world)
{
    private const string Secret = Support.BotHost.Secret;
    private static readonly string[] Statuses = ["新規", "対応中", "連絡済", "支援開始", "他機関紹介", "終了"];
    private static readonly string[] TicketActions = ["claim", "release", "status", "notes", "checklist"];

    /// <summary>Path pieces sent as they are (already escaped): traversal, NUL, overlong, dot segments.</summary>
    private static readonly string[] RawSegments =
    [
        "..%2F..%2Fapi%2Ftickets", "%2e%2e", "%00", "%2F", "%252e%252e%252f", "..%5c..%5c", "%C0%AE%C0%AE", "%ED%A0%80", "%FF%FE",
        "a%0d%0aSet-Cookie:%20x=1", "%E2%80%AE", "%3Cscript%3E", "'%20OR%20'1'='1",
    ];

    public FuzzRequest Next(int index)
    {
        var r = new Random(unchecked((seed * 1_000_003) + (index * 7_919)));
        var roll = r.Next(100);
        var request = roll switch
        {
            < 22 => ApiMessages(r, index),
            < 39 => DirectLinePost(r, index),
            < 47 => DirectLineGet(r, index),
            < 54 => DirectLineConversation(r, index),
            < 59 => DirectLineTokens(r, index),
            < 62 => DirectLineUploadOrStream(r, index),
            < 66 => WebChatToken(r, index),
            < 80 => TicketApi(r, index),
            < 89 => Dashboard(r, index),
            < 90 => Login(r, index),
            < 99 => Misc(r, index),
            _ => RawHttp(r, index),
        };
        if (request.Raw is null && r.Chance(0.08))
        {
            request = request with { Headers = [.. request.Headers ?? [], .. AbuseHeaders(r)] };
        }

        return request;
    }

    // ---------- /api/messages ----------

    private FuzzRequest ApiMessages(Random r, int index)
    {
        // Never channel "test" (the unrelated conversation's): the same id under other channels must be other conversations.
        var channel = r.Next(10) switch
        {
            < 5 => "fuzz",
            5 => "directline",
            6 => "Test",
            7 => string.Empty,
            8 => Hostile.Id(r),
            _ => "msteams",
        };
        var conversationId = r.Next(10) switch
        {
            < 6 => "fz-" + r.Next(150),
            6 => world.OtherConversationId,
            7 => world.OtherApiConversationId,
            _ => Hostile.Id(r),
        };
        var type = r.Next(10) switch
        {
            < 6 => "message",
            6 => "conversationUpdate",
            7 => "typing",
            8 => "event",
            _ => r.Pick(new[] { "invoke", "MESSAGE", string.Empty, "endOfConversation", "installationUpdate", Hostile.Any(r) }),
        };
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("type", type),
            new("id", r.Next(4) switch { 0 => "fz-act-" + r.Next(40), 1 => Hostile.Id(r), _ => "fz-act-" + index }),
            new("channelId", channel),
            new("serviceUrl", r.Chance(0.85) ? "http://127.0.0.1:1/" : r.Pick(new[] { string.Empty, "ftp://127.0.0.1/", "javascript:alert(1)", "http://[::1]:1/", "not a url", "http://localhost:1/" + Hostile.Id(r) })),
            new("from", Account(r, "fz-user", "user")),
            new("recipient", Account(r, "intakebot", "bot")),
            new("conversation", new Dictionary<string, object?> { ["id"] = conversationId, ["isGroup"] = r.Chance(0.1) ? Hostile.WrongValue(r) : false }),
            new("text", Hostile.Text(r)),
            new("locale", r.Chance(0.8) ? "ja-JP" : r.Pick(new[] { string.Empty, "xx-XX", new string('l', 1000), Hostile.Any(r) })),
        };
        if (r.Chance(0.8))
        {
            fields.Add(new("deliveryMode", r.Chance(0.9) ? "expectReplies" : r.Pick(new[] { "normal", "EXPECTREPLIES", Hostile.Any(r) })));
        }

        if (type == "conversationUpdate" || r.Chance(0.05))
        {
            fields.Add(new("membersAdded", r.Chance(0.8) ? new List<object?> { Account(r, "fz-user", "user"), Account(r, Hostile.Id(r), "user") } : Hostile.WrongValue(r)));
        }

        AddExtras(r, fields);
        return new FuzzRequest(index, "api/messages", HttpMethod.Post, "api/messages", FuzzIdentity.Anonymous,
            r.Chance(0.03) ? [new("X-Forwarded-For", "203.0.113.9")] : null,
            ContentType: r.Chance(0.9) ? "application/json" : Hostile.ContentType(r)) with
        { Body = Body(r, fields) };
    }

    // ---------- Direct Line ----------

    private FuzzRequest DirectLinePost(Random r, int index)
    {
        var (conversation, token, onOther) = ConversationAndToken(r, writes: true);
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("type", r.Next(10) switch { < 8 => "message", 8 => "typing", _ => r.Pick(new[] { "event", string.Empty, "conversationUpdate", Hostile.Any(r) }) }),
            new("text", Hostile.Text(r)),
            new("from", Account(r, world.UserId, "user")),
            new("locale", "ja-JP"),
            new("channelData", r.Chance(0.85)
                ? new Dictionary<string, object?> { ["clientActivityID"] = r.Chance(0.6) ? "fz-c-" + r.Next(60) : Hostile.Id(r) }
                : Hostile.WrongValue(r)),
        };
        if (r.Chance(0.1))
        {
            fields.Add(new("id", Hostile.Id(r)));
        }

        if (r.Chance(0.05))
        {
            fields.Add(new("conversation", new Dictionary<string, object?> { ["id"] = world.OtherConversationId }));
        }

        AddExtras(r, fields);
        return new FuzzRequest(index, onOther ? "dl/post-other" : "dl/post", HttpMethod.Post,
            $"v3/directline/conversations/{conversation}/activities", FuzzIdentity.Anonymous, Auth(token, r),
            ContentType: r.Chance(0.9) ? "application/json" : Hostile.ContentType(r)) with
        { Body = Body(r, fields) };
    }

    private FuzzRequest DirectLineGet(Random r, int index)
    {
        var (conversation, token, _) = ConversationAndToken(r, writes: false);
        var path = $"v3/directline/conversations/{conversation}/activities" + (r.Chance(0.9) ? "?watermark=" + Watermark(r) : string.Empty);
        var request = new FuzzRequest(index, "dl/get", HttpMethod.Get, path, FuzzIdentity.Anonymous, Auth(token, r));
        return r.Chance(0.05) ? request with { Body = Encoding.UTF8.GetBytes("{\"watermark\":\"1\"}"), ContentType = "application/json" } : request;
    }

    private FuzzRequest DirectLineConversation(Random r, int index)
    {
        if (r.Chance(0.5))
        {
            var (conversation, token, _) = ConversationAndToken(r, writes: false);
            return new FuzzRequest(index, "dl/resume", HttpMethod.Get,
                $"v3/directline/conversations/{conversation}" + (r.Chance(0.8) ? "?watermark=" + Watermark(r) : string.Empty),
                FuzzIdentity.Anonymous, Auth(token, r));
        }

        // Start: with the secret (a new conversation), the fuzz token, the other one's (it exists: nothing runs), or a bad one.
        var bearer = r.Next(10) switch
        {
            < 4 => Secret,
            < 6 => world.Token,
            6 => world.OtherToken,
            _ => BadToken(r),
        };
        var body = TokenRequestBody(r);
        return new FuzzRequest(index, "dl/start", HttpMethod.Post, "v3/directline/conversations", FuzzIdentity.Anonymous, Auth(bearer, r),
            ContentType: "application/json") with
        { Body = r.Chance(0.15) ? null : body };
    }

    private FuzzRequest DirectLineTokens(Random r, int index)
    {
        if (r.Chance(0.5))
        {
            var bearer = r.Next(5) switch { < 2 => Secret, 2 => world.Token, _ => BadToken(r) };
            return new FuzzRequest(index, "dl/generate", HttpMethod.Post, "v3/directline/tokens/generate", FuzzIdentity.Anonymous, Auth(bearer, r),
                ContentType: Hostile.ContentType(r)) with
            { Body = r.Chance(0.2) ? null : TokenRequestBody(r) };
        }

        var token = r.Next(6) switch { < 2 => world.Token, 2 => world.OtherToken, 3 => world.StreamToken, _ => BadToken(r) };
        return new FuzzRequest(index, "dl/refresh", HttpMethod.Post, "v3/directline/tokens/refresh", FuzzIdentity.Anonymous, Auth(token, r)) with
        {
            Body = r.Chance(0.3) ? Hostile.Corrupt(r, "{\"token\":\"x\"}") : null,
        };
    }

    private FuzzRequest DirectLineUploadOrStream(Random r, int index)
    {
        var (conversation, token, onOther) = ConversationAndToken(r, writes: true);
        if (r.Chance(0.5))
        {
            var boundary = "----fz" + r.Next(1000);
            var file = Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{Hostile.Any(r)}\"\r\nContent-Type: application/octet-stream\r\n\r\n{Hostile.Text(r)}\r\n--{boundary}--\r\n");
            return new FuzzRequest(index, onOther ? "dl/upload-other" : "dl/upload", HttpMethod.Post, $"v3/directline/conversations/{conversation}/upload",
                FuzzIdentity.Anonymous, Auth(token, r), r.Chance(0.05) ? new byte[70_000] : file, "multipart/form-data; boundary=" + boundary);
        }

        var t = r.Next(5) switch { < 2 => world.StreamToken, 2 => world.Token, _ => BadToken(r) };
        return new FuzzRequest(index, "dl/stream", HttpMethod.Get,
            $"v3/directline/conversations/{conversation}/stream?t={Escape(t)}&watermark={Watermark(r)}", FuzzIdentity.Anonymous);
    }

    private FuzzRequest WebChatToken(Random r, int index)
    {
        var resume = r.Next(8) switch
        {
            0 => world.ResumeToken,
            1 => world.Token,
            2 => world.ExpiredToken,
            3 => (object?)Hostile.WrongValue(r),
            4 => null,
            _ => BadToken(r),
        };
        var fields = new List<KeyValuePair<string, object?>> { new("resume", resume) };
        if (r.Chance(0.2))
        {
            fields.Add(new("user", Hostile.WrongValue(r)));
        }

        return new FuzzRequest(index, "webchat/token", HttpMethod.Post, "api/webchat/token", FuzzIdentity.Anonymous,
            ContentType: Hostile.ContentType(r)) with
        { Body = r.Chance(0.1) ? null : Body(r, fields) };
    }

    // ---------- coordinators ----------

    private FuzzRequest TicketApi(Random r, int index)
    {
        var (identity, headers) = StaffIdentity(r, api: true);
        if (r.Chance(0.3))
        {
            var path = r.Chance(0.8) ? "api/tickets" + Query(r) : "api/tickets/export.csv" + Query(r);
            return new FuzzRequest(index, "tickets/list", HttpMethod.Get, path, identity, headers);
        }

        var reference = Reference(r);
        if (r.Chance(0.25))
        {
            return new FuzzRequest(index, "tickets/get", HttpMethod.Get, $"api/tickets/{reference}", identity, headers);
        }

        var action = r.Pick(TicketActions);
        var fields = new List<KeyValuePair<string, object?>>();
        switch (action)
        {
            case "status":
                fields.Add(new("status", r.Chance(0.6) ? r.Pick(Statuses) : Hostile.WrongValue(r)));
                break;
            case "notes":
                fields.Add(new("text", r.Chance(0.8) ? Hostile.Text(r) : Hostile.WrongValue(r)));
                break;
            case "checklist":
                fields.Add(new("id", r.Chance(0.5) ? r.Next(-5, 400) : Hostile.WrongValue(r)));
                fields.Add(new("done", r.Chance(0.6) ? r.Chance(0.5) : Hostile.WrongValue(r)));
                break;
        }

        var request = new FuzzRequest(index, "tickets/" + action, HttpMethod.Post, $"api/tickets/{reference}/{action}", identity, headers,
            ContentType: r.Chance(0.85) ? "application/json" : Hostile.ContentType(r)) with
        { Body = Body(r, fields) };
        if (r.Chance(0.004))
        {
            // Past Kestrel's own 30 MB request limit, with no Content-Length to refuse it by.
            request = request with { Body = HugeJson(31_500_000), Chunked = true, ContentType = "application/json" };
        }

        return request;
    }

    private FuzzRequest Dashboard(Random r, int index)
    {
        var (identity, headers) = StaffIdentity(r, api: false);
        var reference = Reference(r);
        switch (r.Next(10))
        {
            case 0:
                return new FuzzRequest(index, "dashboard/queue", HttpMethod.Get, "dashboard" + Query(r), identity, headers);
            case 1:
                return new FuzzRequest(index, "dashboard/ticket", HttpMethod.Get, $"dashboard/tickets/{reference}" + (r.Chance(0.3) ? "/print" : string.Empty), identity, headers);
            case 2:
                return new FuzzRequest(index, "dashboard/other", HttpMethod.Get,
                    r.Pick(new[] { "dashboard/stats", "dashboard/admin", "dashboard/admin/", "dashboard/password", "dashboard/denied", "dashboard/login?ReturnUrl=" + Escape(Hostile.Any(r)) }),
                    identity, headers);
            case 3:
                // Only refusals: a coordinator may not disable anyone, and logout is sent without a valid token.
                var path = r.Chance(0.5) ? $"dashboard/admin/users/{Segment(r.Chance(0.5) ? "owner" : Hostile.Id(r))}/disable" : "dashboard/logout";
                return new FuzzRequest(index, "dashboard/refused", HttpMethod.Post, path, identity, headers,
                    Encoding.UTF8.GetBytes(path.EndsWith("logout", StringComparison.Ordinal) ? "__csrf=" + Escape(Hostile.Any(r)) : "__csrf=" + Escape(world.StaffFormCsrf)),
                    "application/x-www-form-urlencoded");
            default:
                var action = r.Chance(0.15) ? "password" : r.Pick(TicketActions);
                var target = action == "password" ? "dashboard/password" : $"dashboard/tickets/{reference}/{action}";
                var form = new List<KeyValuePair<string, string>>
                {
                    new("__csrf", r.Next(6) switch { < 4 => world.StaffFormCsrf, 4 => world.StaffCsrf, _ => Hostile.Any(r) }),
                    new(r.Pick(new[] { "status", "text", "id", "done", "current", "password" }), r.Chance(0.5) ? r.Pick(Statuses) : Hostile.Text(r)),
                    new(r.Pick(new[] { "status", "text", "id", "done", "__csrf" }), r.Chance(0.5) ? r.Next(-1, 300).ToString(System.Globalization.CultureInfo.InvariantCulture) : Hostile.Any(r)),
                };
                if (action == "password")
                {
                    // Never the real password: the fuzz must not end its own session.
                    form.RemoveAll(f => f.Key == "current");
                    form.Add(new("current", Hostile.Text(r)));
                }

                var (body, type) = r.Next(6) switch
                {
                    < 3 => (FormBody(form), "application/x-www-form-urlencoded"),
                    3 => (Body(r, form.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList()), "application/json"),
                    4 => (Hostile.Corrupt(r, "a=b&c=d"), Hostile.ContentType(r)),
                    _ => (MultipartForm(form), "multipart/form-data; boundary=fzb"),
                };
                var extra = type == "application/json" ? new List<KeyValuePair<string, string>> { new(RequestGuard.HeaderName, world.StaffCsrf) } : [];
                return new FuzzRequest(index, "dashboard/" + action, HttpMethod.Post, target, identity, [.. headers ?? [], .. extra], body, type);
        }
    }

    private FuzzRequest Login(Random r, int index)
    {
        if (r.Chance(0.3))
        {
            return new FuzzRequest(index, "login/page", HttpMethod.Get, "dashboard/login?ReturnUrl=" + Escape(r.Pick(new[] { "//evil.example", "/dashboard/..%2f..%2fapi", "javascript:alert(1)", Hostile.Any(r) })), FuzzIdentity.LoginPage);
        }

        // Names that are no account of this host (a lockout of the fuzz's own coordinator would only cut the run short).
        var form = new List<KeyValuePair<string, string>>
        {
            new("userName", r.Chance(0.5) ? "nobody-" + r.Next(5) : Hostile.TextMarker + Hostile.Any(r)),
            new("password", Hostile.Text(r)),
            new("__csrf", r.Chance(0.8) ? world.LoginCsrf : Hostile.Any(r)),
            new("returnUrl", r.Pick(new[] { "/dashboard", "//evil.example", "https://evil.example/", Hostile.Any(r) })),
        };
        var (body, type) = r.Next(5) switch
        {
            < 3 => (FormBody(form), "application/x-www-form-urlencoded"),
            3 => (Body(r, form.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToList()), "application/json"),
            _ => (MultipartForm(form), "multipart/form-data; boundary=fzb"),
        };
        List<KeyValuePair<string, string>> headers = type == "application/json" ? [new(RequestGuard.HeaderName, world.LoginCsrf)] : [];
        return new FuzzRequest(index, "login/post", HttpMethod.Post, "dashboard/login", FuzzIdentity.LoginPage, headers, body, type);
    }

    // ---------- everything else ----------

    private FuzzRequest Misc(Random r, int index)
    {
        var method = r.Pick(new[] { HttpMethod.Get, HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch, HttpMethod.Trace, new HttpMethod("PROPFIND"), HttpMethod.Post });
        var path = r.Next(14) switch
        {
            0 => "articles/" + Segment(Hostile.Any(r)),
            1 => "articles/" + r.Pick(RawSegments),
            2 => r.Pick(RawSegments) + "/" + r.Pick(RawSegments) + "/etc/passwd",
            3 => "lib/" + r.Pick(RawSegments),
            4 => "api/" + Segment(Hostile.Any(r)),
            5 => "v3/directline/" + Segment(Hostile.Any(r)),
            6 => "a/" + new string('a', r.Pick(new[] { 2_000, 9_000, 20_000 })),
            7 => "healthz?" + string.Join("&", Enumerable.Range(0, r.Pick(new[] { 10, 1_000, 3_000 })).Select(i => $"p{i}={i}")),
            8 => "api/messages",
            9 => "api/tickets/" + world.Ticket,
            10 => "v3/directline/conversations/" + world.ConversationId + "/activities",
            11 => "dashboard/tickets/" + world.Ticket,
            12 => r.Pick(new[] { string.Empty, "index.html", "healthz", "dashboard/dashboard.css", "site.css", "favicon.ico" }),
            _ => "api/webchat/token",
        };
        var headers = new List<KeyValuePair<string, string>>();
        if (method == HttpMethod.Options || r.Chance(0.2))
        {
            headers.Add(new("Origin", r.Pick(new[] { "https://center.example.jp", "https://evil.example", "null", Hostile.Any(r) })));
            headers.Add(new("Access-Control-Request-Method", r.Pick(new[] { "POST", "DELETE", Hostile.Any(r) })));
            headers.Add(new("Access-Control-Request-Headers", r.Pick(new[] { "authorization,content-type,x-requested-with", "x-evil", Hostile.Any(r) })));
        }

        var withBody = method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Trace && r.Chance(0.5);
        return new FuzzRequest(index, "misc", method, path, r.Chance(0.3) ? FuzzIdentity.Staff : FuzzIdentity.Anonymous, headers,
            withBody ? Hostile.Corrupt(r, "{\"type\":\"message\",\"text\":\"" + Hostile.TextMarker + "\"}") : null, withBody ? Hostile.ContentType(r) : null);
    }

    private FuzzRequest RawHttp(Random r, int index)
    {
        const string Host = "Host: 127.0.0.1\r\n";
        var text = r.Next(18) switch
        {
            0 => "GET /healthz HTTP/1.1\r\n" + Host + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
            1 => "POST /api/messages HTTP/1.1\r\n" + Host + "Content-Length: abc\r\n\r\n{}",
            2 => "POST /api/messages HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n",
            3 => "POST /api/messages HTTP/1.1\r\n" + Host + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\nGET /api/tickets HTTP/1.1\r\n" + Host + "\r\n",
            4 => "GET /\0 HTTP/1.1\r\n" + Host + "\r\n",
            5 => "GET http://evil.example/api/tickets HTTP/1.1\r\n" + Host + "\r\n",
            6 => "GET /healthz HTTP/1.1\r\n" + Host + "X-Big: " + new string('a', 40_000) + "\r\n\r\n",
            7 => "GET /healthz HTTP/1.1\r\n" + Host + string.Concat(Enumerable.Range(0, 300).Select(i => $"X-H{i}: {i}\r\n")) + "\r\n",
            8 => "GARBAGE\r\n\r\n",
            9 => "GET /healthz HTTP/9.9\r\n" + Host + "\r\n",
            10 => "GET /api/tickets HTTP/1.1\r\n" + Host + "Cookie: " + StaffSetup.CookieName + "=" + Flip(r, world.StaffCookie) + "\r\n\r\n",
            11 => "POST /v3/directline/conversations HTTP/1.1\r\n" + Host + "Authorization: Bearer \u00e9\u00ff" + Hostile.TextMarker + "\r\nContent-Length: 2\r\n\r\n{}",
            12 => "GET /healthz HTTP/1.1\r\n" + Host + "X-A: a\r\n b\r\n\r\n",
            13 => "GET /healthz HTTP/1.1\r\n" + Host + "\r\nGET /healthz HTTP/1.1\r\n" + Host + "\r\n",
            14 => $"GET /v3/directline/conversations/{world.ConversationId}/stream?t={Escape(r.Chance(0.5) ? world.StreamToken : BadToken(r))}&watermark={Watermark(r)} HTTP/1.1\r\n" + Host
                  + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
            15 => "POST /api/messages HTTP/1.1\r\n" + Host + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"type\":",
            16 => "GET /healthz HTTP/1.0\r\n\r\n",
            _ => "POST /api/webchat/token HTTP/1.1\r\n" + Host + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n{}",
        };
        var bytes = Encoding.Latin1.GetBytes(text);
        if (text.Contains("Upgrade: websocket", StringComparison.Ordinal))
        {
            // After the handshake: frames no client may send (unmasked, reserved bits, a 2^63-byte length, a bare close).
            bytes = [.. bytes, .. r.Pick(new byte[][] { [0x81, 0x05, .. "hello"u8], [0xF1, 0x80, 0, 0, 0, 0], [0x82, 0xFF, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0x88, 0x80, 1, 2, 3, 4] })];
        }

        return new FuzzRequest(index, "raw", HttpMethod.Get, string.Empty, Raw: bytes);
    }

    // ---------- pieces ----------

    /// <summary>
    /// A conversation path segment and a token. Writes never carry the other conversation's token
    /// (that would be its owner speaking); reads may, on its own path.
    /// </summary>
    private (string Conversation, string Token, bool OnOther) ConversationAndToken(Random r, bool writes)
    {
        switch (r.Next(10))
        {
            case < 6:
                return (world.ConversationId, r.Next(10) switch { < 8 => world.Token, 8 => world.OtherToken, _ => BadToken(r) }, false);
            case 6:
            case 7:
                return (world.OtherConversationId, writes || r.Chance(0.5) ? r.Chance(0.6) ? world.Token : BadToken(r) : world.OtherToken, true);
            case 8:
                return (Segment(Hostile.Id(r)), r.Chance(0.5) ? world.Token : BadToken(r), false);
            default:
                return (r.Pick(RawSegments), world.Token, false);
        }
    }

    /// <summary>Tokens that must all be refused: expired, re-signed, re-bodied, of the wrong kind, not ours at all.</summary>
    private string BadToken(Random r)
    {
        var parts = world.Token.Split('.');
        return r.Next(14) switch
        {
            0 => world.ExpiredToken,
            1 => Flip(r, world.Token),
            2 => parts[0] + "." + world.OtherToken.Split('.')[1] + "." + parts[2],
            3 => "dl1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"kind\":0,\"conv\":\"" + world.OtherConversationId + "\",\"user\":\"u\",\"exp\":9999999999,\"n\":\"00\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_') + ".AAAA",
            4 => "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJjb252IjoiYWJjIn0.",
            5 => string.Empty,
            6 => "undefined",
            7 => "dl1." + new string('A', 3_000) + ".BBBB",
            8 => world.StreamToken,
            9 => world.ResumeToken,
            10 => Secret + "x",
            11 => world.Token[..(world.Token.Length / 2)],
            12 => "dl1.\u00e9\u00ff." + Hostile.TextMarker,
            _ => "dl1." + Hostile.Any(r),
        };
    }

    private static List<KeyValuePair<string, string>> Auth(string token, Random r) => r.Next(20) switch
    {
        0 => [new("Authorization", "Basic " + token)],
        1 => [new("Authorization", token)],
        2 => [new("Authorization", "bearer  " + token + "  ")],
        3 => [new("Authorization", "Bearer " + token), new("Authorization", "Bearer x")],
        4 => [],
        _ => [new("Authorization", "Bearer " + token)],
    };

    private static string Watermark(Random r) => Escape(r.Next(14) switch
    {
        < 4 => string.Empty,
        4 => "0",
        5 => "3",
        6 => "-1",
        7 => "999999999999999999999",
        8 => "1e3",
        9 => "١",
        10 => "１",
        11 => " 1",
        12 => "18446744073709551616",
        _ => Hostile.Any(r),
    });

    private string Reference(Random r) => r.Next(10) switch
    {
        < 4 => world.Ticket,
        < 6 => world.OtherTicket,
        6 => "KN-2026-" + r.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        7 => r.Pick(RawSegments),
        _ => Segment(Hostile.Id(r)),
    };

    private static string Query(Random r)
    {
        var keys = new[] { "status", "duty", "flag", "owner", "q", "sort" };
        var values = new Func<string>[]
        {
            () => r.Pick(Statuses), () => r.Next(-1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture), () => r.Pick(new[] { "Elderly", "NoHousing", "elderly", "Crisis|", "|" }),
            () => r.Pick(new[] { "me", "none", "owner", "fuzzer" }), () => Hostile.Any(r), () => r.Pick(new[] { "priority", "due", "created", "Id DESC; --", "1" }),
            () => new string('q', r.Pick(new[] { 100, 101, 5_000 })),
        };
        var parts = Enumerable.Range(0, r.Next(0, 5)).Select(_ => $"{r.Pick(keys)}={Escape(r.Pick(values)())}");
        var query = string.Join("&", parts);
        return query.Length == 0 ? string.Empty : "?" + query;
    }

    /// <summary>Which staff client and which antiforgery headers: the fuzz coordinator (right or wrong token, foreign origin), nobody, or a forged session cookie.</summary>
    private (FuzzIdentity Identity, List<KeyValuePair<string, string>>? Headers) StaffIdentity(Random r, bool api)
    {
        var headers = new List<KeyValuePair<string, string>>();
        switch (r.Next(20))
        {
            case < 13:
                var token = r.Next(10) switch { < 7 => world.StaffCsrf, 7 => world.OtherStaffCsrf, 8 => Hostile.Any(r), _ => string.Empty };
                if (api && token.Length > 0)
                {
                    headers.Add(new(RequestGuard.HeaderName, token));
                }

                if (r.Chance(0.1))
                {
                    headers.Add(r.Chance(0.5) ? new("Origin", "https://evil.example") : new("Sec-Fetch-Site", "cross-site"));
                }

                return (FuzzIdentity.Staff, headers);
            case < 16:
                return (FuzzIdentity.Anonymous, headers);
            default:
                headers.Add(new("Cookie", StaffSetup.CookieName + "=" + r.Next(4) switch
                {
                    0 => Flip(r, world.StaffCookie),
                    1 => world.StaffCookie[..(world.StaffCookie.Length / 2)],
                    2 => Convert.ToBase64String(Encoding.UTF8.GetBytes(Hostile.Any(r))),
                    _ => new string('A', 5_000),
                }));
                headers.Add(new(RequestGuard.HeaderName, world.StaffCsrf));
                return (FuzzIdentity.Anonymous, headers);
        }
    }

    private static List<KeyValuePair<string, string>> AbuseHeaders(Random r) => r.Next(12) switch
    {
        0 => [new("X-Forwarded-For", "203.0.113.7, " + Hostile.Any(r)), new("Forwarded", "for=\"[::1]\";proto=https")],
        1 => [new("Host", r.Pick(new[] { "evil.example", "127.0.0.1:1", "[::1]", "a" + new string('a', 300) }))],
        2 => [new("X-Long", new string('h', r.Pick(new[] { 8_000, 20_000 })))],
        3 => [.. Enumerable.Range(0, 90).Select(i => new KeyValuePair<string, string>("X-Many-" + i, Hostile.Any(r)))],
        4 => [new("X-Unicode", Hostile.TextMarker + "\u00e9\u202e" + Hostile.Any(r).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\0", string.Empty, StringComparison.Ordinal))],
        5 => [new("Accept", r.Pick(new[] { "text/html", "application/xml", "*/*;q=abc", Hostile.Any(r).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal) }))],
        6 => [new("Content-Encoding", r.Pick(new[] { "gzip", "br", "deflate, gzip", "x-evil" }))],
        7 => [new("X-HTTP-Method-Override", "DELETE"), new("X-Original-URL", "/dashboard/admin")],
        8 => [new("Sec-Fetch-Site", "cross-site"), new("Origin", "https://evil.example")],
        9 => [new("Range", "bytes=0-1,5-3,-1")],
        10 => [new("If-Modified-Since", Hostile.Any(r).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal)), new("If-None-Match", "*")],
        _ => [new("Cookie", "a=" + new string('c', 4_000) + "; " + StaffSetup.CookieName + "=; intakebot.csrf=" + Hostile.Id(r).Replace(";", string.Empty, StringComparison.Ordinal))],
    };

    private static KeyValuePair<string, object?>[] ExtraFields(Random r) =>
    [
        new("attachments", r.Chance(0.5) ? new List<object?> { new Dictionary<string, object?> { ["contentType"] = "text/html", ["content"] = Hostile.Text(r), ["contentUrl"] = "file:///etc/passwd" } } : Hostile.WrongValue(r)),
        new("suggestedActions", Hostile.WrongValue(r)),
        new("entities", new List<object?> { new Dictionary<string, object?> { ["type"] = Hostile.Any(r), ["deep"] = new RawJson(new string('[', 60) + new string(']', 60)) } }),
        new("value", Hostile.WrongValue(r)),
        new("replyToId", Hostile.Id(r)),
        new("timestamp", r.Pick(new object?[] { "not a date", "9999-12-31T23:59:59Z", -1, "0001-01-01T00:00:00+14:00" })),
        new("textFormat", r.Pick(new object?[] { "markdown", "xml", Hostile.Any(r) })),
        new("name", Hostile.Text(r)),
        new("__proto__", new Dictionary<string, object?> { ["admin"] = true }),
        new(Hostile.Any(r), Hostile.WrongValue(r)),
    ];

    /// <summary>Extra fields now and then, and type confusion: a known field with a value of another type, or gone.</summary>
    private static void AddExtras(Random r, List<KeyValuePair<string, object?>> fields)
    {
        if (r.Chance(0.25))
        {
            fields.Add(r.Pick(ExtraFields(r)));
        }

        for (var n = r.Next(4) == 0 ? r.Next(1, 4) : 0; n > 0; n--)
        {
            var at = r.Next(fields.Count);
            if (r.Chance(0.25))
            {
                fields.RemoveAt(at);
            }
            else
            {
                fields[at] = new(fields[at].Key, Hostile.WrongValue(r));
            }
        }
    }

    private static Dictionary<string, object?> Account(Random r, string id, string role) => r.Next(10) switch
    {
        < 7 => new() { ["id"] = id, ["name"] = Hostile.Text(r), ["role"] = role },
        7 => new() { ["id"] = Hostile.Id(r), ["role"] = r.Pick(new[] { "bot", "user", Hostile.Any(r) }) },
        8 => new() { ["id"] = Hostile.WrongValue(r) },
        _ => new() { ["id"] = id, ["name"] = Hostile.WrongValue(r), ["aadObjectId"] = Hostile.Any(r), ["properties"] = Hostile.WrongValue(r) },
    };

    private static byte[] TokenRequestBody(Random r)
    {
        var user = r.Next(6) switch
        {
            < 2 => new Dictionary<string, object?> { ["id"] = "dl_fuzz" + r.Next(100) },
            2 => new Dictionary<string, object?> { ["id"] = Hostile.Id(r) },
            3 => new Dictionary<string, object?> { ["id"] = Hostile.WrongValue(r), ["name"] = Hostile.Text(r) },
            _ => (object?)Hostile.WrongValue(r),
        };
        return Body(r, [new("user", user), new("trustedOrigins", Hostile.WrongValue(r))]);
    }

    /// <summary>The fields as JSON, usually well-formed, sometimes broken, now and then just past or far past the size limits.</summary>
    private static byte[] Body(Random r, List<KeyValuePair<string, object?>> fields)
    {
        var json = FuzzJson.Write(fields);
        if (r.Chance(0.02))
        {
            return HugeJson(r.Pick(new[] { 65_537, 65_537, 70_000, 200_000, 1_000_000, 4_000_000 }));
        }

        return r.Chance(0.75) ? Encoding.UTF8.GetBytes(json) : Hostile.Corrupt(r, json);
    }

    private static byte[] HugeJson(int size)
    {
        var head = "{\"type\":\"message\",\"text\":\"" + Hostile.TextMarker;
        var body = new byte[size];
        Encoding.ASCII.GetBytes(head).CopyTo(body, 0);
        body.AsSpan(head.Length, size - head.Length - 2).Fill((byte)'a');
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';
        return body;
    }

    private static byte[] FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Escape(f.Key) + "=" + Escape(f.Value))));

    private static byte[] MultipartForm(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Concat(fields.Select(f => $"--fzb\r\nContent-Disposition: form-data; name=\"{f.Key}\"\r\n\r\n{f.Value}\r\n")) + "--fzb--\r\n");

    private static string Flip(Random r, string value)
    {
        var chars = value.ToCharArray();
        var at = r.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    /// <summary>Percent-encodes every byte but the unreserved ones; a lone surrogate goes as U+FFFD's bytes.</summary>
    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string Segment(string value) => value.Length == 0 ? "%20" : Escape(value);
}
