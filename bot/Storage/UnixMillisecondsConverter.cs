using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC milliseconds since the Unix epoch, so SQLite can
/// compare and index it. Sub-millisecond precision is dropped; nothing here needs it.
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    stored => DateTimeOffset.FromUnixTimeMilliseconds(stored));
