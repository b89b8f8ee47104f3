using System.Globalization;

namespace IntakeBot.Load.Bench;

/// <summary>How the bot is reached: Bot Framework /api/messages with expectReplies, or Direct Line 3.0 polling.</summary>
public enum Channel
{
    Messages,
    DirectLine,
}

/// <summary>What to start before the run; None drives an already running server at --url.</summary>
public enum StartKind
{
    None,
    Bot,
    Peer,
}

/// <summary>The command line. Every option has a default, so a bare run is the full benchmark against a started bot.</summary>
public sealed class BenchOptions
{
    public const string Usage = """
        IntakeBot load benchmark: N concurrent scripted intakes against a bot, per-turn latency, throughput, errors, peak memory.

        Usage: IntakeBot.Load.Bench [options]
          --url URL             a running server (base URL, e.g. http://127.0.0.1:5080); not with --start/--compare
          --start bot|peer      start the server: bot = bot/bin/Release/net10.0/IntakeBot.Bot on a fresh SQLite data folder,
                                peer = node tests/Load.Bench/peer (npm ci first when node_modules is missing)
          --compare             run bot (SQLite) then peer with the same client settings; one table
          --mode messages|directline|both
                                channel (default messages); the peer serves /api/messages only
          --concurrency N       virtual users, each one conversation at a time (default 100)
          --duration S          measured seconds after the warm-up (default 30)
          --warmup S            seconds of load before measuring (default 60: the JIT tiers up first)
          --turns N             stop after N measured turns instead (still bounded by --duration when given)
          --rate R              open loop: offer R turns/s in all, each user sending a turn every concurrency/R s on a
                                fixed schedule; latency counts from the scheduled time, so a server that falls behind
                                shows it (default: closed loop, each user sends the next turn as soon as it has the replies)
          --script family|peer  the answers; default: family for the bot, peer for the peer
          --timeout S           per-request timeout (default 10)
          --bot PATH            the bot executable (default bot/bin/Release/net10.0/IntakeBot.Bot)
          --data-dir PATH       parent of the bot's fresh data folder (default: the system temp folder)
          --keep-data           keep the bot's data folder after the run
          --set KEY=VALUE       one more setting for the started bot (repeatable), e.g. --set Logging:LogLevel:Default=Warning
          --repo PATH           repository root (default: found from the working folder or the program's folder)
          --label TEXT          the started bot's name in the table (default "IntakeBot (SQLite)"), e.g. with --set for another store
          --out FILE            also append the Markdown table to FILE
          --human-percent P[,P...]
                                that share of the users (every (100/P)-th) runs human-mode conversations instead: a person
                                asks for a coordinator, the bench's coordinator (an admin it creates) writes, the person
                                answers, the coordinator hands back, the intake is finished; one row per P on a fresh
                                server each, e.g. 0,10; the table's latency is the other users'. Needs --start bot and
                                --mode directline (default 0: none)
        Exit code: 0 when every measured turn succeeded, 1 when any failed or none ran, 2 on bad options.
        """;

    public string? Url { get; private set; }
    public StartKind Start { get; private set; }
    public bool Compare { get; private set; }
    public IReadOnlyList<Channel> Channels { get; private set; } = [Channel.Messages];
    public int Concurrency { get; private set; } = 100;
    public double DurationSeconds { get; private set; } = 30;
    public bool DurationGiven { get; private set; }
    public double WarmupSeconds { get; private set; } = 60;
    public long? Turns { get; private set; }
    /// <summary>Offered turns per second over all users (open loop); null for the closed loop.</summary>
    public double? Rate { get; private set; }
    public string? Script { get; private set; }
    public double TimeoutSeconds { get; private set; } = 10;
    public string? BotPath { get; private set; }
    public string? DataDir { get; private set; }
    public bool KeepData { get; private set; }
    public string? Repo { get; private set; }
    public string? OutFile { get; private set; }
    public string? Label { get; private set; }
    public List<KeyValuePair<string, string>> BotSettings { get; } = [];
    public bool Help { get; private set; }

    /// <summary>Shares of human-mode users, one row each (0: scripted users only).</summary>
    public IReadOnlyList<double> HumanPercents { get; private set; } = [0];

    /// <summary>Whether --human-percent was given: the bot then gets a desk admin and chat hours in every row, 0 % too.</summary>
    public bool HumanMode { get; private set; }

    /// <summary>
    /// Whether user <paramref name="index"/> runs human-mode conversations at <paramref name="percent"/>:
    /// evenly spread, floor(N × P / 100) of N users (at 10 %: the 10th, 20th, … user).
    /// </summary>
    public static bool IsHumanModeUser(int index, double percent) =>
        Math.Floor((index + 1) * percent / 100) > Math.Floor(index * percent / 100);

    /// <summary>The measured window's upper bound: --duration, or with --turns alone a generous cap so a run always ends.</summary>
    public double MaxMeasuredSeconds => Turns is null || DurationGiven ? DurationSeconds : 600;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--url":
                    options.Url = Value().TrimEnd('/');
                    break;
                case "--start":
                    options.Start = Value() switch
                    {
                        "bot" => StartKind.Bot,
                        "peer" => StartKind.Peer,
                        var other => throw new ArgumentException($"--start bot|peer, not {other}."),
                    };
                    break;
                case "--compare":
                    options.Compare = true;
                    break;
                case "--mode":
                    options.Channels = Value() switch
                    {
                        "messages" => [Channel.Messages],
                        "directline" => [Channel.DirectLine],
                        "both" => [Channel.Messages, Channel.DirectLine],
                        var other => throw new ArgumentException($"--mode messages|directline|both, not {other}."),
                    };
                    break;
                case "--concurrency":
                    options.Concurrency = PositiveInt(name, Value());
                    break;
                case "--duration":
                    options.DurationSeconds = PositiveSeconds(name, Value());
                    options.DurationGiven = true;
                    break;
                case "--warmup":
                    options.WarmupSeconds = Seconds(name, Value());
                    break;
                case "--turns":
                    options.Turns = PositiveInt(name, Value());
                    break;
                case "--rate":
                    options.Rate = PositiveSeconds(name, Value());
                    break;
                case "--script":
                    options.Script = Value() switch
                    {
                        "family" or "peer" => args[i],
                        var other => throw new ArgumentException($"--script family|peer, not {other}."),
                    };
                    break;
                case "--timeout":
                    options.TimeoutSeconds = PositiveSeconds(name, Value());
                    break;
                case "--bot":
                    options.BotPath = Value();
                    break;
                case "--data-dir":
                    options.DataDir = Value();
                    break;
                case "--keep-data":
                    options.KeepData = true;
                    break;
                case "--repo":
                    options.Repo = Value();
                    break;
                case "--out":
                    options.OutFile = Value();
                    break;
                case "--label":
                    options.Label = Value();
                    break;
                case "--human-percent":
                    options.HumanPercents = Percents(name, Value());
                    options.HumanMode = true;
                    break;
                case "--set":
                    var setting = Value();
                    var equals = setting.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        throw new ArgumentException($"--set needs KEY=VALUE, not {setting}.");
                    }

                    options.BotSettings.Add(new(setting[..equals], setting[(equals + 1)..]));
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        var targets = (options.Url is null ? 0 : 1) + (options.Start == StartKind.None ? 0 : 1) + (options.Compare ? 1 : 0);
        if (targets != 1 && !options.Help)
        {
            throw new ArgumentException("Give exactly one of --url, --start bot|peer, --compare.");
        }

        if (options.Compare && options.Script is not null)
        {
            throw new ArgumentException("--compare picks each target's own script; leave out --script.");
        }

        if (options.BotSettings.Count > 0 && options.Start != StartKind.Bot && !options.Compare)
        {
            throw new ArgumentException("--set applies to a bot the benchmark starts (--start bot or --compare).");
        }

        if (options.Start == StartKind.Peer && options.Channels.Contains(Channel.DirectLine))
        {
            throw new ArgumentException("The peer serves /api/messages only; use --mode messages.");
        }

        if (options.HumanMode && (options.Start != StartKind.Bot || options.Channels is not [Channel.DirectLine]))
        {
            throw new ArgumentException("--human-percent needs --start bot and --mode directline (the coordinator's messages reach the person through the Direct Line poll).");
        }

        if (options.HumanMode && options.Script is "peer")
        {
            throw new ArgumentException("--human-percent runs the family script.");
        }

        return options;
    }

    private static double[] Percents(string name, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || values[i] < 0 || values[i] > 100)
            {
                throw new ArgumentException($"{name} needs percentages from 0 to 100 separated by commas, not {text}.");
            }
        }

        return values;
    }

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not {text}.");

    private static double Seconds(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 86_400
            ? value
            : throw new ArgumentException($"{name} needs seconds (0 to 86400), not {text}.");

    private static double PositiveSeconds(string name, string text) =>
        Seconds(name, text) is var value && value > 0 ? value : throw new ArgumentException($"{name} must be more than 0.");
}
