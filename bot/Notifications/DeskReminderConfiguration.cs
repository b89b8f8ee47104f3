using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Notifications;

internal sealed class DeskReminderConfiguration : IEntityTypeConfiguration<DeskReminder>
{
    public void Configure(EntityTypeBuilder<DeskReminder> e)
    {
        e.ToTable("desk_reminders");
        e.HasKey(r => r.Id);
        e.HasOne<Tickets.TicketRecord>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.Property(r => r.Kind).HasMaxLength(20);
        // Once per ticket and kind: the second writer's insert fails, and its message with it.
        e.HasIndex(r => new { r.TicketId, r.Kind }).IsUnique();
    }
}
