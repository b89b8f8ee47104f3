using IntakeBot.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// The bot's database: conversations, their activity streams, processed activity ids, tickets,
/// and the reply outbox. This type owns the SQLite migrations (<c>Storage/Migrations</c>);
/// <see cref="PostgreSql.PostgresIntakeDbContext"/> is the same model with PostgreSQL's own.
/// </summary>
public class IntakeDbContext : DbContext
{
    public IntakeDbContext(DbContextOptions<IntakeDbContext> options)
        : base(options)
    {
    }

    protected IntakeDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<StoredActivity> Activities => Set<StoredActivity>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<TicketRecord> Tickets => Set<TicketRecord>();
    public DbSet<OutboundDelivery> OutboundDeliveries => Set<OutboundDelivery>();
    public DbSet<TicketCase> TicketCases => Set<TicketCase>();
    public DbSet<TicketChecklistItem> TicketChecklist => Set<TicketChecklistItem>();
    public DbSet<TicketNote> TicketNotes => Set<TicketNote>();
    public DbSet<TicketAddendum> TicketAddenda => Set<TicketAddendum>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<Staff.StaffUser> StaffUsers => Set<Staff.StaffUser>();
    public DbSet<Audit.AuditEntry> AuditLog => Set<Audit.AuditEntry>();
    public DbSet<Notifications.WebhookMessage> WebhookOutbox => Set<Notifications.WebhookMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date type: as TEXT, EF cannot compare or order them in SQL (outbox
            // due times, retention cut-offs). Milliseconds since the epoch compare as integers.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConversationRecord>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(300);
            e.Property(c => c.ExternalId).HasMaxLength(256);
            e.Property(c => c.ChannelId).HasMaxLength(64);
            e.Property(c => c.UserId).HasMaxLength(256);
            e.Property(c => c.ServiceUrl).HasMaxLength(2048);
            e.Property(c => c.BotId).HasMaxLength(256);
            e.HasIndex(c => c.WaitingForPersonSince);
            e.Property(c => c.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<StoredActivity>(e =>
        {
            e.ToTable("activities");
            e.HasKey(a => new { a.ConversationId, a.Sequence });
            e.Property(a => a.ActivityId).HasMaxLength(300);
            e.Property(a => a.ClientActivityId).HasMaxLength(256);
            e.HasOne<ConversationRecord>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProcessedActivity>(e =>
        {
            e.ToTable("processed_activities");
            e.HasKey(p => new { p.ConversationId, p.IncomingId });
            e.Property(p => p.IncomingId).HasMaxLength(256);
            e.HasOne<ConversationRecord>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TicketRecord>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(t => t.Id);
            e.Property(t => t.ReferenceNumber).HasMaxLength(40);
            e.HasIndex(t => t.ReferenceNumber).IsUnique();
            e.HasIndex(t => new { t.Year, t.YearSequence }).IsUnique();
            e.HasIndex(t => new { t.ConversationId, t.Kind, t.IntakeNumber }).IsUnique();
            e.Property(t => t.Kind).HasMaxLength(20);
            e.Property(t => t.Priority).HasMaxLength(20);
            e.Property(t => t.Status).HasMaxLength(20);
        });

        modelBuilder.Entity<OutboundDelivery>(e =>
        {
            e.ToTable("outbound_deliveries");
            e.HasKey(o => o.Id);
        });

        // The coordinators' features (tickets desk, staff, audit, notifications) configure their own tables.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
    }
}
