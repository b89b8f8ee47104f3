using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntakeBot.Bot.Staff;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.ToTable("staff_users");
        e.HasKey(u => u.Id);
        e.Property(u => u.UserName).HasMaxLength(64);
        e.HasIndex(u => u.UserName).IsUnique();
        e.Property(u => u.Role).HasMaxLength(20);
        e.Property(u => u.SecurityStamp).HasMaxLength(64);
    }
}
