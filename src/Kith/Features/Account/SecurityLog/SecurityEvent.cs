using Kith.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account.SecurityLog;

/// <summary>An append-only record of something security-relevant. Never updated, never deleted by the app.</summary>
public sealed class SecurityEvent
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime OccurredAt { get; private set; }
    public string Type { get; private set; } = "";
    public Guid? UserId { get; private set; }
    public Guid? AccountId { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }
    public string? CorrelationId { get; private set; }
    public string? Detail { get; private set; }

    public static SecurityEvent Record(string type, DateTime now, Guid? userId, Guid? accountId, string? ip, string? userAgent, string? correlationId, string? detail) => new()
    {
        Type = type,
        OccurredAt = now,
        UserId = userId,
        AccountId = accountId,
        IpAddress = ip,
        UserAgent = Clip(userAgent, FieldLengths.UserAgent),
        CorrelationId = Clip(correlationId, FieldLengths.CorrelationId),
        Detail = Clip(detail, FieldLengths.EventDetail),
    };

    private static string? Clip(string? value, int max) => value is not null && value.Length > max ? value[..max] : value;
}

/// <summary>Event type names, stable because they are stored and filtered on.</summary>
public static class SecurityEventTypes
{
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email_confirmed";
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInUnconfirmed = "signin.unconfirmed";
    public const string LockedOut = "signin.locked_out";
    public const string SignedOut = "signout";
    public const string PasswordChanged = "password.changed";
    public const string PasswordChangeFailed = "password.change_failed";
    public const string PasswordResetRequested = "password.reset_requested";
    public const string PasswordResetCompleted = "password.reset_completed";
    public const string PasswordResetFailed = "password.reset_failed";
    public const string SessionsRevoked = "sessions.revoked";
    public const string AntiforgeryFailed = "request.antiforgery_failed";
    public const string RateLimited = "request.rate_limited";
    public const string UserCreatedByOperator = "cli.user_created";
    public const string UserUnlockedByOperator = "cli.user_unlocked";
    public const string PasswordResetByOperator = "cli.password_reset";
    public const string RegistrationModeChanged = "instance.registration_mode_changed";
    public const string RegistrationRefused = "account.registration_refused";
    public const string AuthorizationFailed = "authorization.failed";
    public const string Reauthenticated = "reauthentication.succeeded";
    public const string RoleChanged = "user.role_changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string UserRemoved = "user.removed";
    public const string OwnershipTransferred = "account.ownership_transferred";
    public const string InvitationSent = "invitation.sent";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationRefused = "invitation.refused";
    public const string ReauthenticationFailed = "reauthentication.failed";
    public const string VaultCreated = "vault.created";
    public const string VaultDeleted = "vault.deleted";
    public const string VaultAccessChanged = "vault.access_changed";
    // Multi-factor authentication, passkeys, sessions and app passwords (issue 5). Alerts key off these names.
    public const string MfaEnabled = "mfa.enabled";
    public const string MfaDisabled = "mfa.disabled";
    public const string MfaResetByOperator = "cli.mfa_reset";
    public const string SecondFactorSucceeded = "mfa.second_factor_succeeded";
    public const string SecondFactorFailed = "mfa.second_factor_failed";
    public const string SecondFactorReplayed = "mfa.code_replayed";
    public const string SecondFactorAbandoned = "mfa.second_factor_abandoned";
    public const string RecoveryCodeUsed = "mfa.recovery_code_used";
    public const string RecoveryCodesRegenerated = "mfa.recovery_codes_regenerated";
    public const string RememberedDeviceRevoked = "mfa.remembered_device_revoked";
    public const string MfaPolicyChanged = "account.mfa_policy_changed";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRenamed = "passkey.renamed";
    public const string PasskeyRemoved = "passkey.removed";
    public const string PasskeySignInSucceeded = "passkey.signin_succeeded";
    public const string PasskeySignInFailed = "passkey.signin_failed";
    public const string NewDeviceSignIn = "signin.new_device";
    public const string SessionRevoked = "session.revoked";
    public const string EmailChangeRequested = "email.change_requested";
    public const string EmailChanged = "email.changed";
    public const string AppPasswordCreated = "app_password.created";
    public const string AppPasswordRevoked = "app_password.revoked";
    public const string AppPasswordRefused = "app_password.refused";
    public const string SecurityAlertSent = "alert.sent";
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("SecurityEvents");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(FieldLengths.EventType).IsRequired();
        builder.Property(e => e.IpAddress).HasMaxLength(FieldLengths.IpAddress);
        builder.Property(e => e.UserAgent).HasMaxLength(FieldLengths.UserAgent);
        builder.Property(e => e.CorrelationId).HasMaxLength(FieldLengths.CorrelationId);
        builder.Property(e => e.Detail).HasMaxLength(FieldLengths.EventDetail);
        builder.HasIndex(e => new { e.AccountId, e.OccurredAt });
        builder.HasIndex(e => new { e.UserId, e.OccurredAt });
        // No FK on purpose: events outlive the users and accounts they mention.
    }
}
