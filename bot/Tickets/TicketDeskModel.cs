using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Tickets;

internal sealed class TicketCaseConfiguration : IEntityTypeConfiguration<TicketCase>
{
    public void Configure(EntityTypeBuilder<TicketCase> e)
    {
        e.ToTable("ticket_cases");
        e.HasKey(c => c.TicketId);
        e.HasOne(c => c.Ticket).WithOne().HasForeignKey<TicketCase>(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.Property(c => c.Flags).HasMaxLength(400);
        e.Property(c => c.Role).HasMaxLength(20);
        e.Property(c => c.OwnerName).HasMaxLength(64);
        e.HasIndex(c => new { c.PriorityRank, c.DueDate });
        e.HasIndex(c => c.OwnerId);
    }
}

internal sealed class TicketChecklistItemConfiguration : IEntityTypeConfiguration<TicketChecklistItem>
{
    public void Configure(EntityTypeBuilder<TicketChecklistItem> e)
    {
        e.ToTable("ticket_checklist");
        e.HasKey(i => i.Id);
        e.HasOne(i => i.Ticket).WithMany().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(i => new { i.TicketId, i.Position }).IsUnique();
        e.Property(i => i.DoneBy).HasMaxLength(64);
    }
}

internal sealed class TicketNoteConfiguration : IEntityTypeConfiguration<TicketNote>
{
    public void Configure(EntityTypeBuilder<TicketNote> e)
    {
        e.ToTable("ticket_notes");
        e.HasKey(n => n.Id);
        e.HasOne<TicketRecord>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.Property(n => n.AuthorName).HasMaxLength(64);
        e.HasIndex(n => n.TicketId);
    }
}

internal sealed class TicketAddendumConfiguration : IEntityTypeConfiguration<TicketAddendum>
{
    public void Configure(EntityTypeBuilder<TicketAddendum> e)
    {
        e.ToTable("ticket_addenda");
        e.HasKey(a => a.Id);
        e.HasOne<TicketRecord>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.TicketId);
    }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> e)
    {
        e.ToTable("ticket_events");
        e.HasKey(v => v.Id);
        e.HasOne<TicketRecord>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.Property(v => v.Actor).HasMaxLength(64);
        e.Property(v => v.Kind).HasMaxLength(20);
        e.Property(v => v.FromStatus).HasMaxLength(20);
        e.Property(v => v.ToStatus).HasMaxLength(20);
        e.HasIndex(v => v.TicketId);
    }
}
