using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Kith.Tests.Account.Passkeys;

/// <summary>
/// A minimal WebAuthn authenticator in software: one discoverable ES256 credential, "none" attestation, user verified.
/// It answers the options Kith sends exactly as a browser would serialize a real authenticator's answer. Without
/// <paramref name="countsSignatures"/> the signature counter stays 0, as with synced passkeys: then nothing but the
/// single-use challenge stops a replay.
/// </summary>
public sealed class SoftwareAuthenticator(string origin, string rpId, bool countsSignatures = true) : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);
    public string? UserHandle { get; private set; }

    public string Create(JsonNode options)
    {
        UserHandle = options["user"]!["id"]!.GetValue<string>();
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var coseKey = Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(parameters.Q.X!)), (Cbor.Int(-3), Cbor.Bytes(parameters.Q.Y!)));
        var credentialLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(credentialLength, (ushort)CredentialId.Length);
        byte[] authData = [.. AuthenticatorData(0x45), .. new byte[16], .. credentialLength, .. CredentialId, .. coseKey];
        var attestation = Cbor.Map((Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()), (Cbor.Text("authData"), Cbor.Bytes(authData)));
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["attestationObject"] = B64(attestation),
            ["transports"] = new JsonArray("internal"),
        });
    }

    public string Get(JsonNode options)
    {
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var authData = AuthenticatorData(0x05);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["authenticatorData"] = B64(authData),
            ["signature"] = B64(signature),
            ["userHandle"] = UserHandle,
        });
    }

    public void Dispose() => key.Dispose();

    private byte[] ClientData(string type, string challenge) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["type"] = type,
        ["challenge"] = challenge,
        ["origin"] = origin,
        ["crossOrigin"] = false,
    });

    private byte[] AuthenticatorData(byte flags)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, countsSignatures ? ++signCount : 0);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. count];
    }

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = B64(CredentialId),
        ["rawId"] = B64(CredentialId),
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    }.ToJsonString();

    private static string B64(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    /// <summary>Just enough CBOR (RFC 8949) for an attestation object and a COSE key.</summary>
    private static class Cbor
    {
        public static byte[] Int(int value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));
        public static byte[] Bytes(byte[] value) => [.. Head(2, (ulong)value.Length), .. value];
        public static byte[] Text(string value) => [.. Head(3, (ulong)Encoding.UTF8.GetByteCount(value)), .. Encoding.UTF8.GetBytes(value)];

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, (ulong)entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];

        private static byte[] Head(int major, ulong length) => length switch
        {
            < 24 => [(byte)((major << 5) | (int)length)],
            < 256 => [(byte)((major << 5) | 24), (byte)length],
            _ => [(byte)((major << 5) | 25), (byte)(length >> 8), (byte)length],
        };
    }
}
