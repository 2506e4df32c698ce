using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Account.TwoFactor;
using Kith.Features.Accounts;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Infrastructure.Cli;

/// <summary>
/// Operator commands in the same executable: <c>kith migrate</c>, <c>kith users create|unlock|reset-password|reset-mfa</c>.
/// Passwords are read from standard input, never from arguments (which other users can see in `ps`).
/// </summary>
public static class KithCli
{
    public const string Usage = """
        Usage:
          kith migrate
          kith users create --email EMAIL --name NAME      (password on stdin)
          kith users unlock --email EMAIL
          kith users reset-password --email EMAIL           (new password on stdin)
          kith users reset-mfa --email EMAIL                (removes the authenticator app, recovery codes, remembered devices)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "users" or "help";

    /// <summary>Only configuration arguments reach the host builder; command words are ours.</summary>
    public static string[] HostArguments(string[] args)
    {
        if (!IsCommand(args)) return args;
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--Kith", StringComparison.OrdinalIgnoreCase)) continue;
            kept.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) kept.Add(args[++i]);
        }
        return kept.ToArray();
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter stdout)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = Options(args);
        try
        {
            if (args is ["users", ..]) await sp.GetRequiredService<DatabaseStartup>().MigrateAsync(CancellationToken.None);
            switch (args)
            {
                case ["migrate", ..]:
                    await sp.GetRequiredService<DatabaseStartup>().MigrateAsync(CancellationToken.None);
                    await stdout.WriteLineAsync("Database is up to date.");
                    return 0;
                case ["users", "create", ..]:
                    return await CreateUserAsync(sp, Required(options, "email"), Required(options, "name"), stdin, stdout);
                case ["users", "unlock", ..]:
                    return await UnlockAsync(sp, Required(options, "email"), stdout);
                case ["users", "reset-password", ..]:
                    return await ResetPasswordAsync(sp, Required(options, "email"), stdin, stdout);
                case ["users", "reset-mfa", var email] when !email.StartsWith("--", StringComparison.Ordinal):
                    return await ResetMfaAsync(sp, email, stdout);
                case ["users", "reset-mfa", ..]:
                    return await ResetMfaAsync(sp, Required(options, "email"), stdout);
                default:
                    await stdout.WriteLineAsync(Usage);
                    return args is ["help", ..] ? 0 : 2;
            }
        }
        catch (CliException ex)
        {
            await stdout.WriteLineAsync("Error: " + ex.Message);
            return 1;
        }
        catch (DbUpdateException)
        {
            await stdout.WriteLineAsync("Error: the database refused the change (a value is too long or already taken).");
            return 1;
        }
    }

    private static async Task<int> CreateUserAsync(IServiceProvider sp, string email, string name, TextReader stdin, TextWriter stdout)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > FieldLengths.Email) throw new CliException($"'{email}' is not a valid email address.");
        if (name.Length > FieldLengths.DisplayName || !Regex.IsMatch(name, FieldLengths.NoControlCharacters))
            throw new CliException($"--name must be at most {FieldLengths.DisplayName} characters, without control characters.");
        var password = await ReadPasswordAsync(stdin);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var isFirst = !await db.InstanceState.AnyAsync();
        var account = Features.Accounts.Account.Create(name, now);
        db.Accounts.Add(account);
        if (isFirst) db.InstanceState.Add(InstanceState.First(account, now));
        // An operator vouches for the address, so it starts confirmed; the registration mode governs
        // self-service sign-up, not the operator.
        var user = new User
        {
            AccountId = account.Id,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            Role = AccountRole.Owner,
            IsInstanceAdministrator = isFirst,
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        AccountDefaults.Seed(db, user, now);
        sp.GetRequiredService<SecurityLogWriter>().Add(SecurityEventTypes.UserCreatedByOperator, user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await stdout.WriteLineAsync($"Created {email}{(isFirst ? " (instance administrator)" : "")}.");
        return 0;
    }

    private static async Task<int> UnlockAsync(IServiceProvider sp, string email, TextWriter stdout)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliException($"No user has the email {email}.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sp.GetRequiredService<SecurityLogWriter>().WriteAsync(SecurityEventTypes.UserUnlockedByOperator, user);
        await stdout.WriteLineAsync($"Unlocked {email}.");
        return 0;
    }

    private static async Task<int> ResetPasswordAsync(IServiceProvider sp, string email, TextReader stdin, TextWriter stdout)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliException($"No user has the email {email}.");
        var password = await ReadPasswordAsync(stdin);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.RevokeAllAsync(user.Id, CancellationToken.None);
        sp.GetRequiredService<SecurityLogWriter>().Add(SecurityEventTypes.PasswordResetByOperator, user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await stdout.WriteLineAsync($"Password of {email} changed; all of its sessions were ended.");
        return 0;
    }

    /// <summary>For a user who lost their phone and recovery codes, after the operator has checked who is asking.</summary>
    private static async Task<int> ResetMfaAsync(IServiceProvider sp, string email, TextWriter stdout)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliException($"No user has the email {email}.");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await sp.GetRequiredService<ResetMfa>().RemoveAllAsync(user.Id, CancellationToken.None);
        sp.GetRequiredService<SecurityLogWriter>().Add(SecurityEventTypes.MfaResetByOperator, user);
        sp.GetRequiredService<EmailOutbox>().Enqueue(user.Email!,
            EmailTemplates.MfaResetByOperator(user.DisplayName, sp.GetRequiredService<PublicLinks>().Absolute(MfaEnrolmentGate.EnrolmentPath)));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await stdout.WriteLineAsync($"Two-factor authentication of {email} was reset; the user was told by email.");
        return 0;
    }

    private static async Task<string> ReadPasswordAsync(TextReader stdin)
    {
        var line = await stdin.ReadLineAsync();
        if (string.IsNullOrEmpty(line)) throw new CliException("Give the password on standard input, e.g. `kith users create … < password.txt`.");
        return line;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].StartsWith("--Kith", StringComparison.OrdinalIgnoreCase))
                options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new CliException($"--{name} is required.\n{Usage}");

    private sealed class CliException(string message) : Exception(message);
}
