using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Notifications;

internal sealed class WebhookMessageConfiguration : IEntityTypeConfiguration<WebhookMessage>
{
    public void Configure(EntityTypeBuilder<WebhookMessage> e)
    {
        e.ToTable("webhook_outbox");
        e.HasKey(m => m.Id);
        e.HasOne(m => m.Ticket).WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.NextAttemptMs);
    }
}
