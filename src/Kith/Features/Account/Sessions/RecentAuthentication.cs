using Kith.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.Sessions;

/// <summary>
/// "Sudo mode": sensitive actions need the password proved in this session within the last ten minutes.
/// The time is kept on the server-side session row, so it cannot be forged and ends with the session.
/// </summary>
public sealed class RecentAuthentication(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const string PagePath = "/account/reauthenticate";

    public async Task<bool> IsRecentAsync(HttpContext context)
    {
        var key = context.CurrentSessionKey();
        if (key is null) return false;
        var hash = DatabaseTicketStore.HashKey(key);
        var at = await db.UserSessions.Where(s => s.Key == hash).Select(s => (DateTime?)s.ReauthenticatedAt).SingleOrDefaultAsync(context.RequestAborted);
        return at is not null && clock.GetUtcNow().UtcDateTime - at.Value < Window;
    }

    public async Task MarkAsync(HttpContext context)
    {
        var key = context.CurrentSessionKey();
        if (key is null) return;
        var hash = DatabaseTicketStore.HashKey(key);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Key == hash).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReauthenticatedAt, now), context.RequestAborted);
    }

    /// <summary>Where to send the user to prove their password, coming back to <paramref name="returnPath"/> after.</summary>
    public static IActionResult Challenge(string returnPath) =>
        new LocalRedirectResult(PagePath + "?returnUrl=" + Uri.EscapeDataString(returnPath));
}

/// <summary>Put on a page: its state-changing handlers run only in sudo mode; reading it does not need it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentAuthenticationAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && !await http.RequestServices.GetRequiredService<RecentAuthentication>().IsRecentAsync(http))
        {
            context.Result = RecentAuthentication.Challenge(http.Request.Path);
            return;
        }
        await next();
    }
}
