using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Kith.Infrastructure.Crypto;

/// <summary>Encrypts data-protection keys with the master key before they are stored in the database.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    internal static readonly byte[] Purpose = Encoding.UTF8.GetBytes("Kith.DataProtectionKey.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedBytes = masterKey.Encrypt(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), Purpose);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the Kith master key (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var masterKey = services.GetRequiredService<MasterKey>();
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        return XElement.Parse(Encoding.UTF8.GetString(masterKey.Decrypt(sealedBytes, MasterKeyXmlEncryptor.Purpose)));
    }
}

internal sealed class ConfigureMasterKeyEncryption(MasterKey masterKey) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) => options.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey);
}
