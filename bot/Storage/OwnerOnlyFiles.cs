using System.Runtime.InteropServices;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Everything the host writes is for the service's user only: files 0600, folders 0700 (Unix).
/// A process-wide creation mask covers what others create for it too (SQLite's database, its
/// -wal and -shm, which copy the database's mode; Data Protection's key files; the token signing
/// key), and folders made by earlier versions are tightened at start.
/// </summary>
public static partial class OwnerOnlyFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>umask 077 for the whole process: set once, before anything is written.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0b000_111_111);
        }
    }

    /// <summary>
    /// The folder 0700 and the files in it 0600; with <paramref name="recursive"/> its subfolders
    /// too. Symbolic links are left alone (they may lead outside).
    /// </summary>
    public static void Tighten(string folder, bool recursive)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        File.SetUnixFileMode(folder, FolderMode);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            if (entry is FileInfo)
            {
                File.SetUnixFileMode(entry.FullName, FileMode);
            }
            else if (recursive)
            {
                Tighten(entry.FullName, recursive: true);
            }
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
