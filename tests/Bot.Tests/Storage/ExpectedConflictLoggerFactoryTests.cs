using IntakeBot.Bot.Storage;
using IntakeBot.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Tests.Storage;

/// <summary>What EF Core logs through the host: handled conflicts quietly, every other failure as the error it is.</summary>
public sealed class ExpectedConflictLoggerFactoryTests
{
    [Fact]
    public void A_write_conflict_becomes_one_debug_line_without_its_stack_and_a_real_failure_stays_an_error_with_it()
    {
        var collector = new LogCollector();
        using var inner = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(collector));
        var logger = new ExpectedConflictLoggerFactory(inner).CreateLogger("Microsoft.EntityFrameworkCore.Update");
        var conflict = new DbUpdateException("wrapped", new DbUpdateConcurrencyException("The conversation changed since version 3."));
        var fault = new DbUpdateException("wrapped", new InvalidOperationException("the disk is full"));

        logger.LogError(new EventId(10000, "SaveChangesFailed"), conflict, "An exception occurred while saving: {Error}", conflict.ToString());
        logger.LogError(new EventId(10000, "SaveChangesFailed"), fault, "An exception occurred while saving: {Error}", fault.ToString());

        var lines = collector.Lines.ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("Debug ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("changed since version", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Error ", lines[1], StringComparison.Ordinal);
        Assert.Contains("the disk is full", lines[1], StringComparison.Ordinal);
    }
}
