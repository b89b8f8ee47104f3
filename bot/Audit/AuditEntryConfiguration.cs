using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_log");
        e.HasKey(a => a.Id);
        e.Property(a => a.UserName).HasMaxLength(64);
        e.Property(a => a.Action).HasMaxLength(40);
        e.Property(a => a.TicketReference).HasMaxLength(80);
        e.Property(a => a.Outcome).HasMaxLength(20);
        e.Property(a => a.Detail).HasMaxLength(200);
        e.HasIndex(a => a.TicketReference);
    }
}
