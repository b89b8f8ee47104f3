using IntakeBot.Bot.Storage;
using Npgsql;

namespace IntakeBot.Bot.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void An_instance_leaves_postgresql_connection_slots_for_the_others_unless_told_otherwise()
    {
        var options = new StorageOptions { Provider = StorageOptions.PostgreSql, PostgreSqlConnectionString = "Host=db;Database=intakebot;Username=u;Password=p" };

        var built = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionStringWithDefaults());

        Assert.Equal(StorageOptions.DefaultMaxPoolSize, built.MaxPoolSize);
        Assert.Equal("db", built.Host);
        Assert.Equal("intakebot", built.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=80")]
    [InlineData("Host=db;MaxPoolSize=80")]
    public void A_pool_size_in_the_connection_string_is_kept(string connectionString)
    {
        var options = new StorageOptions { Provider = StorageOptions.PostgreSql, PostgreSqlConnectionString = connectionString };

        Assert.Equal(80, new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionStringWithDefaults()).MaxPoolSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(5000)]
    public void A_log_restart_size_outside_1_to_4096_megabytes_stops_the_start_with_the_setting_to_fix(int megabytes)
    {
        var options = new StorageOptions { WalRestartMegabytes = megabytes };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Storage:WalRestartMegabytes", error.Message);
    }
}
