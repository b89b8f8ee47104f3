using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntakeBot.Bot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IntakeDbContext>
{
    public IntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IntakeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
