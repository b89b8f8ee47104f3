using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntakeBot.Bot.Storage.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add --context PostgresIntakeDbContext</c> build the model without a server.</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresIntakeDbContext>
{
    public PostgresIntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIntakeDbContext>().UseNpgsql("Host=localhost;Database=intakebot_design").Options);
}
