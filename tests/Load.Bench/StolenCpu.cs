using System.Globalization;

namespace IntakeBot.Load.Bench;

/// <summary>
/// The machine's CPU time counters from /proc/stat: how much of the window the hypervisor gave
/// to other guests (steal). On a shared virtual machine that is what makes one run's tail
/// latency several times another's, so the report says it beside the figures.
/// </summary>
public readonly record struct StolenCpu(long Total, long Stolen)
{
    /// <summary>The counters now, or null where /proc/stat is not there (not Linux).</summary>
    public static StolenCpu? Read()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return ticks.Length == 8 ? new StolenCpu(ticks.Sum(), ticks[7]) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Stolen time since <paramref name="earlier"/>, in percent of all cores' time.</summary>
    public double PercentSince(StolenCpu earlier) =>
        Total > earlier.Total ? 100.0 * (Stolen - earlier.Stolen) / (Total - earlier.Total) : 0;
}
