namespace Kith.Data;

/// <summary>Length limits shared by EF configuration (database constraints) and input validation.</summary>
public static class FieldLengths
{
    public const int Email = 254;
    public const int DisplayName = 100;
    public const int AccountName = 100;
    public const int PasswordMin = 12;
    public const int PasswordMax = 256;
    public const string PasswordLengthMessage = "Use at least {2} characters (and at most {1}). A few unrelated words make a good passphrase.";
    public const int IpAddress = 45;
    public const int UserAgent = 512;
    public const int EventType = 64;
    public const int EventDetail = 1000;
    public const int CorrelationId = 64;
    public const int EmailSubject = 200;
    public const int ErrorText = 1000;
    public const int SessionKey = 64;
    public const int ResetUserId = 64;
    public const int ResetCode = 2048;
    public const int RoleName = 20;
    public const int NameOrder = 64;
    public const int PasskeyName = 100;
    public const int PasskeyChallengeState = 4000;
    public const int PasskeyCeremonyPurpose = 16;
    public const int PasskeyHandle = 64;
    public const int PasskeyCredentialJson = 16_384;

    /// <summary>Single-line text: no control characters (newlines, tabs) and no bidirectional overrides or isolates.</summary>
    public const string NoControlCharacters = @"^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$";
}
