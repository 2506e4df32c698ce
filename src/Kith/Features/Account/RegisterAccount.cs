using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Accounts;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account;

public sealed record RegisterInput
{
    [Required, StringLength(FieldLengths.DisplayName), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use letters, digits, spaces and punctuation only."), Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = FieldLengths.PasswordLengthMessage), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords do not match."), Display(Name = "Repeat the password")]
    public string ConfirmPassword { get; set; } = "";
}

public enum RegistrationOutcome
{
    /// <summary>Also returned when the email already has an account: the response must not tell the difference.</summary>
    CheckYourEmail,
    Closed,
    Invalid,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, IReadOnlyList<IdentityError> Errors);

/// <summary>Creates an account, its owner and the confirmation email, in one transaction.</summary>
public sealed class RegisterAccount(AppDbContext db, UserManager<User> users, RegistrationPolicy policy, EmailOutbox outbox,
    AccountLinks links, SecurityLogWriter securityLog, TimeProvider clock)
{
    private static readonly TimeSpan AlreadyRegisteredWindow = TimeSpan.FromMinutes(15);

    public async Task<RegistrationResult> RegisterAsync(RegisterInput input, CancellationToken ct)
    {
        if (!await policy.AllowsSelfRegistrationAsync(ct)) return await RefuseAsync(ct);

        var email = input.Email.Trim();
        // The password is judged before anything else, so a weak password gets the same answer
        // whether or not the email already has an account.
        var passwordErrors = await PasswordErrorsAsync(email, input.DisplayName.Trim(), input.Password);
        if (passwordErrors.Count > 0) return new(RegistrationOutcome.Invalid, passwordErrors);

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Same work and same answer as a new registration, so the response reveals nothing.
            users.PasswordHasher.HashPassword(existing, input.Password);
            var token = await users.GeneratePasswordResetTokenAsync(existing);
            await outbox.EnqueueUnlessRecentAsync(existing.Email!, EmailTemplates.AlreadyRegistered(existing.DisplayName, links.Reset(existing, token)), AlreadyRegisteredWindow, ct);
            await db.SaveChangesAsync(ct);
            return new(RegistrationOutcome.CheckYourEmail, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isFirst = !await db.InstanceState.AnyAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = Accounts.Account.Create(input.DisplayName.Trim(), now);
        db.Accounts.Add(account);
        if (isFirst) db.InstanceState.Add(InstanceState.First(account, now));
        var user = new User
        {
            AccountId = account.Id,
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            Role = AccountRole.Owner,
            IsInstanceAdministrator = isFirst,
            CreatedAt = now,
        };
        // The password was validated above; hashing it here keeps the work (and time) equal to the other branch.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Lost a race: another registration took this email or the first-account slot a moment ago.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await users.FindByEmailAsync(email) is null ? await RefuseAsync(ct) : new(RegistrationOutcome.CheckYourEmail, []);
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail))
                ? new(RegistrationOutcome.CheckYourEmail, [])
                : new(RegistrationOutcome.Invalid, created.Errors.ToList());
        }

        AccountDefaults.Seed(db, user, now);
        var confirmToken = await users.GenerateEmailConfirmationTokenAsync(user);
        outbox.Enqueue(user.Email!, EmailTemplates.ConfirmEmail(links.Confirm(user, confirmToken)));
        securityLog.Add(SecurityEventTypes.Registered, user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(RegistrationOutcome.CheckYourEmail, []);
    }

    private async Task<List<IdentityError>> PasswordErrorsAsync(string email, string displayName, string password)
    {
        var candidate = new User { Email = email, UserName = email, DisplayName = displayName };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            errors.AddRange(result.Errors);
        }
        return errors;
    }

    private async Task<RegistrationResult> RefuseAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await securityLog.WriteAsync(SecurityEventTypes.RegistrationRefused, ct: ct);
        return new(RegistrationOutcome.Closed, []);
    }
}
