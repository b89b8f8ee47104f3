using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Inserts the entities a turn added to its DbContext (a ticket, its case row, checklist and
/// outbox rows) on the group commit's connection, with one statement per entity type prepared
/// once per connection and built from the EF model itself: table, columns, value converters,
/// store-generated keys. EF Core's SaveChanges builds and parses the same SQL for every ticket on
/// the one writer thread that all turns queue behind, and took most of that thread's time.
/// Anything it cannot do as plainly as that (an update, a delete, a key it cannot resolve) is
/// refused by <see cref="Plan"/> before a row is written, and the caller saves through EF
/// Core instead.
/// </summary>
public sealed class SqliteEntityInserter(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<IEntityType, InsertStatement> _statements = [];

    /// <summary>
    /// The tracked changes of <paramref name="db"/> except <paramref name="written"/> (rows the
    /// caller writes itself), or null when one of them is not an insert this class can do.
    /// </summary>
    public static IReadOnlyList<EntityEntry>? Plan(DbContext db, IReadOnlySet<object> written)
    {
        var pending = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && !written.Contains(e.Entity)).ToList();
        return pending.All(e => e.State == EntityState.Added && CanResolveKeys(e, pending)) ? pending : null;
    }

    /// <summary>Inserts what <see cref="Plan"/> returned, principals before their dependents.</summary>
    public void Insert(IReadOnlyList<EntityEntry> plan, SqliteTransaction transaction)
    {
        var pending = plan.ToList();
        try
        {
            while (pending.Count > 0)
            {
                // A principal (the ticket) goes first: its generated id is the others' foreign key.
                var next = pending.First(e => !Principals(e).Any(p => pending.Exists(q => ReferenceEquals(q.Entity, p))));
                pending.Remove(next);
                Insert(next, transaction);
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // SQLITE_CONSTRAINT (a ticket number or ticket taken meanwhile): as from SaveChanges,
            // so the runner reruns the turn.
            throw new DbUpdateException("A row of the turn already exists.", ex);
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Command.Dispose();
        }
    }

    private void Insert(EntityEntry entry, SqliteTransaction transaction)
    {
        foreach (var key in entry.Metadata.GetForeignKeys())
        {
            if (key.DependentToPrincipal is { } navigation && entry.Reference(navigation.Name).TargetEntry is { } principal)
            {
                for (var i = 0; i < key.Properties.Count; i++)
                {
                    entry.Property(key.Properties[i].Name).CurrentValue = principal.Property(key.PrincipalKey.Properties[i].Name).CurrentValue;
                }
            }
        }

        if (!_statements.TryGetValue(entry.Metadata, out var statement))
        {
            statement = InsertStatement.For(connection, entry.Metadata);
            _statements[entry.Metadata] = statement;
        }

        var command = statement.Command;
        command.Transaction = transaction;
        for (var i = 0; i < statement.Columns.Count; i++)
        {
            var property = statement.Columns[i];
            var value = entry.Property(property.Name).CurrentValue;
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            command.Parameters[i].Value = value ?? DBNull.Value;
        }

        if (statement.GeneratedKey is { } generated)
        {
            var id = Convert.ChangeType(command.ExecuteScalar(), generated.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            entry.Property(generated.Name).CurrentValue = id;
        }
        else
        {
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The entities this one's foreign keys point to through its navigations (an entry is a new wrapper each time; the entity is the identity).</summary>
    private static IEnumerable<object> Principals(EntityEntry entry) =>
        entry.Metadata.GetForeignKeys()
            .Where(k => k.DependentToPrincipal is not null)
            .Select(k => entry.Reference(k.DependentToPrincipal!.Name).CurrentValue)
            .OfType<object>();

    /// <summary>A foreign key to a row inserted in the same turn must be reachable through its navigation.</summary>
    private static bool CanResolveKeys(EntityEntry entry, List<EntityEntry> pending) =>
        entry.Metadata.GetForeignKeys().All(key =>
            key.Properties.All(p => !entry.Property(p.Name).IsTemporary)
            || (key.DependentToPrincipal is { } navigation && entry.Reference(navigation.Name).CurrentValue is { } principal
                && pending.Exists(p => ReferenceEquals(p.Entity, principal))));

    private sealed record InsertStatement(SqliteCommand Command, IReadOnlyList<IProperty> Columns, IProperty? GeneratedKey)
    {
        public static InsertStatement For(SqliteConnection connection, IEntityType type)
        {
            var key = type.FindPrimaryKey()!.Properties;
            var generated = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd ? key[0] : null;
            var columns = type.GetProperties().Where(p => p != generated).ToList();
            var command = connection.CreateCommand();
            command.CommandText =
                $"""INSERT INTO "{type.GetTableName()}" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})"""
                + (generated is null ? string.Empty : $""" RETURNING "{generated.GetColumnName()}" """);
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i, null));
            }

            return new InsertStatement(command, columns, generated);
        }
    }
}
