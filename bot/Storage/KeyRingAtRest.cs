using System.Xml.Linq;

namespace IntakeBot.Bot.Storage;

/// <summary>
/// Checked before the host uses its key ring: every Data Protection key encrypted with a
/// key-encryption key must find it in the secrets folder (otherwise the host refuses to start,
/// saying which key is missing and where it was looked for, instead of failing on the first
/// request), and keys written in the clear by earlier versions are encrypted in place. The
/// secrets folder must not be inside the data or key ring folder: a copy of those would carry it.
/// </summary>
public static class KeyRingAtRest
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = DataProtection + "encryptedSecret";
    private static readonly XName RequiresEncryption = DataProtection + "requiresEncryption";

    /// <summary>Checks the ring, makes the first key-encryption key if there is none, and encrypts keys left in the clear.</summary>
    /// <returns>How many keys were found in the clear and encrypted.</returns>
    public static int Prepare(string keysFolder, string dataFolder, KeyEncryptionKeys keys)
    {
        foreach (var (folder, name) in new[] { (dataFolder, "data folder"), (keysFolder, "key ring folder (DataProtection:KeysFolder)") })
        {
            if (IsInside(keys.Folder, folder))
            {
                throw new InvalidOperationException(
                    $"DataProtection:SecretsFolder ({keys.Folder}) is inside the {name} ({folder}): a copy of that folder would carry the key that opens it. Put it elsewhere.");
            }
        }

        var files = Directory.Exists(keysFolder) ? Directory.GetFiles(keysFolder, "key-*.xml") : [];
        var documents = files.Select(path => (Path: path, Xml: XElement.Load(path))).ToList();
        var missing = documents
            .SelectMany(d => d.Xml.Descendants(EncryptedSecret))
            .Where(e => e.Attribute("decryptorType")?.Value.StartsWith(typeof(KeyRingXmlDecryptor).FullName + ",", StringComparison.Ordinal) == true)
            .Select(e => e.Element(KeyRingXmlEncryptor.ElementName)?.Attribute(KeyRingXmlEncryptor.KeyIdAttribute)?.Value ?? "(none)")
            .Distinct(StringComparer.Ordinal)
            .Where(id => !keys.TryGet(id, out _))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The key ring in {keysFolder} is encrypted with key-encryption key(s) {string.Join(", ", missing)}, not found in {keys.Folder} (DataProtection:SecretsFolder). "
                + "Nothing stored can be read without them: point DataProtection:SecretsFolder at the secrets folder of the installation this data comes from, or restore it from its backup. "
                + "The host does not start, so that it writes nothing under a new key.");
        }

        var encryptor = new KeyRingXmlEncryptor(keys);
        _ = keys.Current;
        var upgraded = 0;
        foreach (var (path, xml) in documents)
        {
            var clear = xml.Descendants().Where(e => e.Attribute(RequiresEncryption)?.Value == "true").ToList();
            if (clear.Count == 0)
            {
                continue;
            }

            foreach (var element in clear)
            {
                // As Data Protection does for a new key when an encryptor is configured.
                var encrypted = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
            }

            Replace(path, xml);
            upgraded++;
        }

        return upgraded;
    }

    private static void Replace(string path, XElement xml)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            xml.Save(file);
            file.Flush(flushToDisk: true);
        }

        // Instances sharing the ring may do this at once: each rename leaves a whole, valid key.
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
