using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Channels.Line;

internal sealed class LineInboundEventConfiguration : IEntityTypeConfiguration<LineInboundEvent>
{
    public void Configure(EntityTypeBuilder<LineInboundEvent> e)
    {
        e.ToTable("line_inbound_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.WebhookEventId).HasMaxLength(64);
        e.HasIndex(x => x.WebhookEventId).IsUnique();
        e.Property(x => x.UserHash).HasMaxLength(64);
        e.Property(x => x.Type).HasMaxLength(32);
        e.Property(x => x.ConversationKey).HasMaxLength(300);
        e.HasIndex(x => new { x.DoneAt, x.UserHash });
    }
}

internal sealed class LineUserConfiguration : IEntityTypeConfiguration<LineUser>
{
    public void Configure(EntityTypeBuilder<LineUser> e)
    {
        e.ToTable("line_users");
        e.HasKey(x => x.UserHash);
        e.Property(x => x.UserHash).HasMaxLength(64);
    }
}

internal sealed class LineOutboundMessageConfiguration : IEntityTypeConfiguration<LineOutboundMessage>
{
    public void Configure(EntityTypeBuilder<LineOutboundMessage> e)
    {
        e.ToTable("line_outbound_messages");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserHash).HasMaxLength(64);
        e.Property(x => x.ConversationId).HasMaxLength(300);
        // The incoming id of whatever ran the turn: a webhookEventId, or another caller's id.
        e.Property(x => x.WebhookEventId).HasMaxLength(256);
        e.Property(x => x.Notice).HasMaxLength(2000);
        e.HasIndex(x => new { x.NextAttemptAt, x.UserHash });
    }
}
