using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage.PostgreSql;

/// <summary>
/// The same model as <see cref="IntakeDbContext"/> on PostgreSQL, for several instances behind a
/// load balancer. A separate type only so that EF keeps a separate migration history
/// (<c>Storage/PostgreSql/Migrations</c>): column types differ between the providers.
/// </summary>
public sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options) : IntakeDbContext(options);
