/*
 * CarMarket dashboard page: logs in, picks the dashboard from the token's role and keeps it live from the
 * dashboard's Server-Sent Events stream.
 *
 * The access token lives in a variable of this script only (never in localStorage, sessionStorage or a cookie set
 * from script); the refresh token is the HttpOnly, SameSite=Strict cookie the auth endpoints set, so a reload or an
 * expired access token costs one POST /auth/refresh and no new login.
 *
 * EventSource cannot send an Authorization header, so the stream is read with fetch() and parsed here (SseParser).
 * Every text from the server is put on the page with textContent, never as HTML.
 */
(function () {
    'use strict';

    var API = '/api/v1';
    var STREAMS = {
        dealer: API + '/dashboards/dealer/stream',
        admin: API + '/dashboards/admin/stream',
        me: API + '/dashboards/me/stream'
    };
    /** The dashboard each role starts on, and the ones it may switch to. */
    var VIEWS_BY_ROLE = {
        DEALER: ['dealer'],
        ADMIN: ['admin', 'me'],
        AUDITOR: ['admin'],
        CUSTOMER: ['me']
    };
    var STATUSES = {
        cars: ['LISTED', 'RESERVED', 'SOLD', 'WITHDRAWN'],
        bookings: ['CONFIRMED', 'PENDING_APPROVAL', 'CANCELLED', 'REJECTED', 'EXPIRED'],
        negotiations: ['OPEN', 'ACCEPTED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED', 'ENDED'],
        reservations: ['PENDING', 'CONFIRMED', 'INSPECTION_SCHEDULED', 'COMPLETED', 'CANCELLED', 'EXPIRED']
    };
    /** No byte for this long (three missed heartbeats): the connection is taken as dead and opened again. */
    var SILENCE_LIMIT_MS = 45000;
    var BACKOFF_FIRST_MS = 1000;
    var BACKOFF_MAX_MS = 30000;
    var COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'];

    // ---- Server-Sent Events ----------------------------------------------------------------------------------

    /**
     * The event-stream format, fed with text as it arrives (in chunks cut anywhere): lines end with CRLF, LF or CR;
     * "field: value" lines for event, data (several are joined with newlines), id and retry; lines starting with a
     * colon are comments (the heartbeats); a blank line ends an event. Events without data are not dispatched.
     */
    function SseParser(onEvent, onRetry) {
        this.buffer = '';
        this.data = [];
        this.eventType = '';
        this.lastEventId = null;
        this.onEvent = onEvent;
        this.onRetry = onRetry || function () {};
    }

    SseParser.prototype.push = function (text) {
        this.buffer += text;
        var lineEnd = /\r\n|\r|\n/g;
        var start = 0;
        var match;
        while ((match = lineEnd.exec(this.buffer)) !== null) {
            if (match[0] === '\r' && match.index === this.buffer.length - 1) {
                break; // a CR at the end of a chunk may be the first half of a CRLF
            }
            this.line(this.buffer.slice(start, match.index));
            start = lineEnd.lastIndex;
        }
        this.buffer = this.buffer.slice(start);
    };

    SseParser.prototype.line = function (line) {
        if (line === '') {
            this.dispatch();
            return;
        }
        if (line.charAt(0) === ':') {
            return;
        }
        var colon = line.indexOf(':');
        var field = colon < 0 ? line : line.slice(0, colon);
        var value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.charAt(0) === ' ') {
            value = value.slice(1);
        }
        if (field === 'data') {
            this.data.push(value);
        } else if (field === 'event') {
            this.eventType = value;
        } else if (field === 'id') {
            if (value.indexOf('\u0000') < 0) {
                this.lastEventId = value;
            }
        } else if (field === 'retry') {
            if (/^\d+$/.test(value)) {
                this.onRetry(parseInt(value, 10));
            }
        }
    };

    SseParser.prototype.dispatch = function () {
        var event = {type: this.eventType || 'message', data: this.data.join('\n'), id: this.lastEventId};
        var hasData = this.data.length > 0;
        this.data = [];
        this.eventType = '';
        if (hasData) {
            this.onEvent(event);
        }
    };

    // ---- Session: the access token in memory, refreshed from the cookie ----------------------------------------

    var session = {token: null, role: null, userId: null, name: null, expiresAt: 0};
    var refreshing = null;

    function claimsOf(token) {
        var part = token.split('.')[1] || '';
        var base64 = part.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var bytes = Uint8Array.from(atob(base64), function (c) { return c.charCodeAt(0); });
        return JSON.parse(new TextDecoder().decode(bytes));
    }

    function signedIn(body) {
        var claims = claimsOf(body.accessToken);
        session.token = body.accessToken;
        session.role = claims.role;
        session.userId = claims.sub;
        session.expiresAt = (claims.exp || 0) * 1000;
        session.name = body.user && (body.user.name || body.user.email) || session.name;
    }

    function signedOut() {
        session.token = null;
        session.role = null;
        session.userId = null;
        session.name = null;
    }

    /** At most one refresh at a time: the refresh token is rotated, and a second use of the old one is reuse. */
    function refreshAccess() {
        if (!refreshing) {
            refreshing = fetch(API + '/auth/refresh', {
                method: 'POST', credentials: 'same-origin', headers: {Accept: 'application/json'}
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (body) {
                if (body && body.accessToken) {
                    signedIn(body);
                    return true;
                }
                return false;
            }).catch(function () {
                return false;
            }).then(function (ok) {
                refreshing = null;
                return ok;
            });
        }
        return refreshing;
    }

    function problemText(response, fallback) {
        return response.json().then(function (problem) {
            return problem.detail || problem.title || fallback;
        }).catch(function () {
            return fallback;
        });
    }

    function login(email, password) {
        return fetch(API + '/auth/login', {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({email: email, password: password})
        }).then(function (response) {
            if (!response.ok) {
                return problemText(response, 'Sign-in failed (' + response.status + ').').then(function (text) {
                    throw new Error(text);
                });
            }
            return response.json().then(signedIn);
        });
    }

    function logout() {
        var stopped = stopStream();
        signedOut();
        showLogin('');
        return fetch(API + '/auth/logout', {method: 'POST', credentials: 'same-origin'})
            .catch(function () { /* the token is gone from memory either way */ })
            .then(function () { return stopped; });
    }

    // ---- The live stream ---------------------------------------------------------------------------------------

    var stream = null;

    function setStreamStatus(status, text) {
        var element = document.getElementById('stream-status');
        element.setAttribute('data-stream-status', status);
        element.textContent = text;
    }

    function sleep(ms, connection) {
        return new Promise(function (resolve) {
            var timer = setTimeout(resolve, ms);
            connection.wake = function () {
                clearTimeout(timer);
                resolve();
            };
        });
    }

    function backoff(attempt, retryMs) {
        var base = Math.min(BACKOFF_MAX_MS, Math.max(retryMs || 0, BACKOFF_FIRST_MS * Math.pow(2, attempt - 1)));
        return base / 2 + Math.random() * base / 2;
    }

    /** Reads one dashboard's stream until stopped, reconnecting with backoff and the last event's id. */
    function openStream(view) {
        var connection = {view: view, stopped: false, abort: null, wake: null, lastEventId: null, retryMs: 0};
        stream = connection;
        connection.done = run(connection);
        return connection;
    }

    function stopStream() {
        var connection = stream;
        stream = null;
        if (!connection) {
            return Promise.resolve();
        }
        connection.stopped = true;
        if (connection.abort) {
            connection.abort.abort();
        }
        if (connection.wake) {
            connection.wake();
        }
        setStreamStatus('offline', 'offline');
        return connection.done;
    }

    function run(connection) {
        var attempt = 0;
        var refreshedFor401 = false;

        function next() {
            if (connection.stopped) {
                return Promise.resolve();
            }
            if (attempt > 0) {
                setStreamStatus(navigator.onLine === false ? 'offline' : 'reconnecting',
                    navigator.onLine === false ? 'offline' : 'reconnecting…');
            } else {
                setStreamStatus('connecting', 'connecting…');
            }
            return connectOnce(connection, function onFirstEvent() {
                attempt = 0;
                refreshedFor401 = false;
            }).then(function (outcome) {
                if (connection.stopped) {
                    return null;
                }
                if (outcome === 'unauthorized') {
                    if (refreshedFor401) {
                        return sessionLost();
                    }
                    refreshedFor401 = true;
                    return refreshAccess().then(function (ok) {
                        return ok ? next() : sessionLost();
                    });
                }
                if (outcome === 'forbidden') {
                    setStreamStatus('offline', 'offline');
                    notice('Your account may not see this dashboard.');
                    return null;
                }
                attempt += 1;
                setStreamStatus(navigator.onLine === false ? 'offline' : 'reconnecting',
                    navigator.onLine === false ? 'offline' : 'reconnecting…');
                return sleep(backoff(attempt, connection.retryMs), connection).then(next);
            });
        }

        function sessionLost() {
            if (!connection.stopped) {
                stopStream();
                signedOut();
                showLogin('Your session has ended; please sign in again.');
            }
            return null;
        }

        return next();
    }

    /**
     * One connection: resolves with 'unauthorized', 'forbidden', 'ended' or 'failed' when it is over. Each
     * dashboard event replaces the whole dashboard on the page.
     */
    function connectOnce(connection, onFirstEvent) {
        var headers = {Accept: 'text/event-stream', Authorization: 'Bearer ' + session.token};
        if (connection.lastEventId) {
            headers['Last-Event-ID'] = connection.lastEventId;
        }
        var abort = new AbortController();
        connection.abort = abort;
        var silence = null;

        function heardFromServer() {
            clearTimeout(silence);
            silence = setTimeout(function () { abort.abort(); }, SILENCE_LIMIT_MS);
        }

        var first = true;
        var parser = new SseParser(function (event) {
            if (event.id !== null) {
                connection.lastEventId = event.id;
            }
            if (event.type === 'degraded' && !connection.stopped) {
                // The dashboard shown stays as it is; the server ends the stream when updates resume.
                setStreamStatus('paused', 'live updates paused');
                return;
            }
            if (event.type !== 'dashboard' || connection.stopped) {
                return;
            }
            var dashboard;
            try {
                dashboard = JSON.parse(event.data);
            } catch (malformed) {
                return;
            }
            if (first) {
                first = false;
                onFirstEvent();
                setStreamStatus('live', 'live');
                notice('');
            }
            render(connection.view, dashboard);
        }, function (retryMs) {
            connection.retryMs = retryMs;
        });

        return fetch(STREAMS[connection.view], {
            headers: headers, cache: 'no-store', credentials: 'same-origin', signal: abort.signal
        }).then(function (response) {
            if (response.status === 401) {
                return 'unauthorized';
            }
            if (response.status === 403) {
                return 'forbidden';
            }
            if (!response.ok || !response.body) {
                return 'failed';
            }
            heardFromServer();
            var reader = response.body.getReader();
            var decoder = new TextDecoder('utf-8');

            function read() {
                return reader.read().then(function (chunk) {
                    if (chunk.done) {
                        parser.push(decoder.decode());
                        return 'ended';
                    }
                    heardFromServer();
                    parser.push(decoder.decode(chunk.value, {stream: true}));
                    return read();
                });
            }

            return read();
        }).catch(function () {
            return 'failed';
        }).then(function (outcome) {
            clearTimeout(silence);
            return outcome;
        });
    }

    // ---- Formatting --------------------------------------------------------------------------------------------

    var numberFormat = new Intl.NumberFormat();
    var dateFormat = new Intl.DateTimeFormat(undefined, {day: 'numeric', month: 'short', timeZone: 'UTC'});
    var dateTimeFormat = new Intl.DateTimeFormat(undefined, {
        day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit'
    });
    var monthFormat = new Intl.DateTimeFormat(undefined, {month: 'short', year: '2-digit', timeZone: 'UTC'});

    function count(n) {
        return n === undefined || n === null ? '0' : numberFormat.format(n);
    }

    function money(amount, currency) {
        if (amount === undefined || amount === null) {
            return '';
        }
        try {
            return new Intl.NumberFormat(undefined, {style: 'currency', currency: currency}).format(Number(amount));
        } catch (unknownCurrency) {
            return amount + ' ' + (currency || '');
        }
    }

    function day(isoDate) {
        return isoDate ? dateFormat.format(new Date(isoDate + 'T00:00:00Z')) : '';
    }

    function moment(isoInstant) {
        return isoInstant ? dateTimeFormat.format(new Date(isoInstant)) : '';
    }

    function month(yearMonth) {
        return monthFormat.format(new Date(yearMonth + '-01T00:00:00Z'));
    }

    function percent(ratio) {
        return ratio === undefined || ratio === null ? '–' : Math.round(ratio * 100) + '%';
    }

    function duration(hours) {
        if (hours === undefined || hours === null) {
            return '–';
        }
        return hours >= 48 ? (hours / 24).toFixed(1) + ' days' : hours.toFixed(1) + ' h';
    }

    function shortId(id) {
        return id && id.length > 8 ? id.slice(0, 8) + '…' : (id || '');
    }

    function words(enumName) {
        return enumName.charAt(0) + enumName.slice(1).toLowerCase().replace(/_/g, ' ');
    }

    // ---- Rendering ---------------------------------------------------------------------------------------------

    function viewElement(view) {
        return document.getElementById('view-' + view);
    }

    function setFigure(scope, name, text) {
        var element = scope.querySelector('[data-figure="' + name + '"]');
        if (element) {
            element.textContent = text;
        }
    }

    /** One row per item, each cell's text from a column function; a single muted row when there is none. */
    function fillTable(scope, name, items, columns, emptyText) {
        var table = scope.querySelector('[data-table="' + name + '"]');
        var body = table.tBodies[0];
        var rows = document.createDocumentFragment();
        (items || []).forEach(function (item) {
            var row = document.createElement('tr');
            columns.forEach(function (column) {
                var cell = document.createElement('td');
                cell.textContent = column.text(item);
                if (column.title) {
                    cell.title = column.title(item);
                }
                if (column.numeric) {
                    cell.className = 'num';
                }
                row.appendChild(cell);
            });
            rows.appendChild(row);
        });
        if (!items || items.length === 0) {
            var row = document.createElement('tr');
            var cell = document.createElement('td');
            cell.colSpan = columns.length;
            cell.className = 'empty';
            cell.textContent = emptyText || 'Nothing at the moment.';
            row.appendChild(cell);
            rows.appendChild(row);
        }
        body.replaceChildren(rows);
    }

    function fillStatusGroup(scope, group, statuses, counts) {
        statuses.forEach(function (status) {
            setFigure(scope, group + '-' + status, count(counts && counts[status]));
        });
    }

    /** The status lists of the admin view, built once (every status shown, zero when absent). */
    function buildStatusGroups() {
        var view = viewElement('admin');
        Object.keys(STATUSES).forEach(function (kind) {
            var list = view.querySelector('[data-group="platform-' + kind + '"] dl');
            STATUSES[kind].forEach(function (status) {
                var term = document.createElement('dt');
                term.textContent = words(status);
                var value = document.createElement('dd');
                value.setAttribute('data-figure', 'platform-' + kind + '-' + status);
                value.textContent = '–';
                list.appendChild(term);
                list.appendChild(value);
            });
        });
    }

    var charts = {};

    function chart(scope, name) {
        if (typeof echarts === 'undefined') {
            return null;
        }
        if (!charts[name]) {
            var element = scope.querySelector('[data-chart="' + name + '"]');
            charts[name] = echarts.init(element, null, {renderer: 'canvas'});
            if (typeof ResizeObserver !== 'undefined') {
                new ResizeObserver(function () { charts[name].resize(); }).observe(element);
            }
        }
        return charts[name];
    }

    function baseChartOptions() {
        return {
            color: COLORS,
            animationDuration: 300,
            grid: {left: 8, right: 16, top: 28, bottom: 8, containLabel: true},
            // Drawn on the canvas: an HTML tooltip would need inline styles, which the page's policy forbids.
            tooltip: {trigger: 'axis', renderMode: 'richText', axisPointer: {type: 'shadow'}},
            textStyle: {fontFamily: 'system-ui, sans-serif'}
        };
    }

    function monthlyBars(scope, name, months, series, axisName, color) {
        var target = chart(scope, name);
        if (!target) {
            return;
        }
        var options = baseChartOptions();
        if (color) {
            options.color = [color];
        }
        options.legend = series.length > 1 ? {top: 0} : {show: false};
        options.xAxis = {type: 'category', data: months.map(month), axisTick: {alignWithLabel: true}};
        options.yAxis = {type: 'value', minInterval: 1, name: axisName || '', nameGap: 10,
            nameTextStyle: {align: 'left'}};
        options.series = series.map(function (one) {
            return {name: one.name, type: 'bar', data: one.values, barMaxWidth: 28};
        });
        target.setOption(options, true);
    }

    function makeBars(scope, name, tallies) {
        var target = chart(scope, name);
        if (!target) {
            return;
        }
        var options = baseChartOptions();
        options.legend = {show: false};
        options.grid.right = 40;
        options.yAxis = {type: 'category', inverse: true, data: tallies.map(function (t) { return t.make; })};
        options.xAxis = {type: 'value', minInterval: 1};
        options.series = [{
            name: name.indexOf('listings') >= 0 ? 'Listings' : 'Bookings', type: 'bar', barMaxWidth: 22,
            data: tallies.map(function (t) { return t.count; }),
            itemStyle: {color: name.indexOf('listings') >= 0 ? COLORS[0] : COLORS[1]},
            label: {show: true, position: 'right'}
        }];
        target.setOption(options, true);
    }

    function renderDealer(d) {
        var scope = viewElement('dealer');
        STATUSES.cars.forEach(function (status) {
            setFigure(scope, 'cars-' + status, count(d.carsByStatus && d.carsByStatus[status]));
        });
        fillStatusGroup(scope, 'reservations', STATUSES.reservations, d.reservationsByStatus);
        setFigure(scope, 'awaiting-approval-count', count((d.awaitingApproval || []).length));
        setFigure(scope, 'pickups-count', count((d.pickUpsNext7Days || []).length));
        setFigure(scope, 'returns-count', count((d.returnsNext7Days || []).length));
        setFigure(scope, 'negotiations-awaiting-count', count((d.negotiationsAwaitingAnswer || []).length));
        var use = d.utilisationNext30Days || {};
        setFigure(scope, 'utilisation', percent(use.ratio));
        setFigure(scope, 'utilisation-days', count(use.bookedCarDays) + ' of ' + count(use.availableCarDays)
            + ' car-days');
        var discount = d.agreedDiscount || {};
        setFigure(scope, 'agreed-discount', discount.averagePercent === undefined || discount.averagePercent === null
            ? '–' : discount.averagePercent.toFixed(1) + '%');
        setFigure(scope, 'agreements-count', count(discount.agreements) + ' agreed prices');

        fillTable(scope, 'awaiting-approval', d.awaitingApproval, [
            {text: function (b) { return b.carTitle; }},
            {text: function (b) { return day(b.startDate); }},
            {text: function (b) { return day(b.endDate); }},
            {text: function (b) { return money(b.totalPrice, b.currency); }, numeric: true},
            {text: function (b) { return moment(b.expiresAt); }}
        ], 'No booking waits for your approval.');
        fillTable(scope, 'negotiations-awaiting', d.negotiationsAwaitingAnswer, [
            {text: function (n) { return n.carTitle; }},
            {text: function (n) { return money(n.amount, n.currency); }, numeric: true},
            {text: function (n) { return moment(n.expiresAt); }}
        ], 'No offer waits for your answer.');
        var handover = [
            {text: function (h) { return day(h.date); }},
            {text: function (h) { return h.carTitle; }},
            // The booking's id, shortened (the whole id on hover): enough to find it in the bookings list.
            {text: function (h) { return shortId(h.bookingId); }, title: function (h) { return h.bookingId; }}
        ];
        fillTable(scope, 'pickups', d.pickUpsNext7Days, handover, 'No pick-up in the next 7 days.');
        fillTable(scope, 'returns', d.returnsNext7Days, handover, 'No return in the next 7 days.');

        var revenue = d.revenueByMonth || [];
        var currencies = [];
        revenue.forEach(function (m) {
            Object.keys(m.amountByCurrency || {}).forEach(function (currency) {
                if (currencies.indexOf(currency) < 0) {
                    currencies.push(currency);
                }
            });
        });
        if (currencies.length === 0) {
            currencies.push('EUR');
        }
        monthlyBars(scope, 'revenue-by-month', revenue.map(function (m) { return m.month; }),
            currencies.map(function (currency) {
                return {
                    name: currency,
                    values: revenue.map(function (m) {
                        var amount = m.amountByCurrency && m.amountByCurrency[currency];
                        return amount === undefined || amount === null ? 0 : Number(amount);
                    })
                };
            }), currencies.length === 1 ? currencies[0] : '');
    }

    function renderAdmin(a) {
        var scope = viewElement('admin');
        fillStatusGroup(scope, 'platform-cars', STATUSES.cars, a.carsByStatus);
        fillStatusGroup(scope, 'platform-bookings', STATUSES.bookings, a.bookingsByStatus);
        fillStatusGroup(scope, 'platform-negotiations', STATUSES.negotiations, a.negotiationsByStatus);
        fillStatusGroup(scope, 'platform-reservations', STATUSES.reservations, a.reservationsByStatus);
        var conversion = a.negotiationConversion || {};
        setFigure(scope, 'negotiation-conversion', percent(conversion.rate));
        setFigure(scope, 'negotiation-conversion-counts', count(conversion.accepted) + ' of ' + count(conversion.ended)
            + ' ended');
        setFigure(scope, 'median-hours-to-agreement', duration(a.medianHoursToAgreement));
        setFigure(scope, 'median-days-on-market', a.medianDaysOnMarketUntilSold === undefined
            || a.medianDaysOnMarketUntilSold === null ? '–' : a.medianDaysOnMarketUntilSold.toFixed(1));

        var users = a.newUsersByMonth || [];
        monthlyBars(scope, 'new-users-by-month', users.map(function (m) { return m.month; }),
            [{name: 'New users', values: users.map(function (m) { return m.count; })}]);
        var bookings = a.bookingsByMonth || [];
        monthlyBars(scope, 'bookings-by-month', bookings.map(function (m) { return m.month; }),
            [{name: 'Bookings', values: bookings.map(function (m) { return m.count; })}], '', COLORS[1]);
        makeBars(scope, 'top-makes-by-listings', a.topMakesByListings || []);
        makeBars(scope, 'top-makes-by-bookings', a.topMakesByBookings || []);
    }

    function renderMe(c) {
        var scope = viewElement('me');
        var negotiations = c.openNegotiations || [];
        setFigure(scope, 'my-upcoming-count', count((c.upcomingBookings || []).length));
        setFigure(scope, 'my-awaiting-approval-count', count((c.awaitingApproval || []).length));
        setFigure(scope, 'my-negotiations-count', count(negotiations.length));
        setFigure(scope, 'my-negotiations-your-turn', count(negotiations.filter(function (n) {
            return n.yourTurn;
        }).length) + ' waiting for you');
        setFigure(scope, 'my-reservations-count', count((c.purchaseReservations || []).length));
        setFigure(scope, 'my-unread-notifications', count(c.unreadNotifications));

        var stay = [
            {text: function (b) { return b.carTitle; }},
            {text: function (b) { return day(b.startDate); }},
            {text: function (b) { return day(b.endDate); }},
            {text: function (b) { return money(b.totalPrice, b.currency); }, numeric: true}
        ];
        fillTable(scope, 'my-upcoming', c.upcomingBookings, stay, 'No upcoming booking.');
        fillTable(scope, 'my-awaiting-approval', c.awaitingApproval, stay.concat([
            {text: function (b) { return moment(b.expiresAt); }}
        ]), 'No booking waits for a dealer.');
        fillTable(scope, 'my-negotiations', negotiations, [
            {text: function (n) { return n.carTitle; }},
            {text: function (n) { return money(n.latestOffer, n.currency); }, numeric: true},
            {text: function (n) { return n.yourTurn ? 'Dealer – your turn' : 'You'; }},
            {text: function (n) { return moment(n.expiresAt); }}
        ], 'No open negotiation.');
        fillTable(scope, 'my-reservations', c.purchaseReservations, [
            {text: function (r) { return r.orderNumber || r.reservationId; }},
            {text: function (r) { return r.carTitle; }},
            {text: function (r) { return words(r.status); }},
            {text: function (r) { return money(r.totalAmount, r.currency); }, numeric: true},
            {text: function (r) { return day(r.handoverDate); }},
            {text: function (r) { return moment(r.expiresAt); }}
        ], 'No purchase reservation.');
    }

    var RENDERERS = {dealer: renderDealer, admin: renderAdmin, me: renderMe};

    function render(view, dashboard) {
        var scope = viewElement(view);
        scope.querySelectorAll('[data-field="today"]').forEach(function (element) {
            element.textContent = dashboard.today || '';
            element.setAttribute('datetime', dashboard.today || '');
        });
        RENDERERS[view](dashboard);
        var updated = document.getElementById('updated');
        updated.hidden = false;
        updated.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · event position '
            + count(dashboard.position);
        updated.setAttribute('data-position', String(dashboard.position));
    }

    // ---- Page states -------------------------------------------------------------------------------------------

    function notice(text) {
        var element = document.getElementById('notice');
        element.textContent = text;
        element.hidden = !text;
    }

    function hideViews() {
        document.querySelectorAll('.view').forEach(function (view) { view.hidden = true; });
        document.getElementById('updated').hidden = true;
    }

    function showLogin(message) {
        hideViews();
        notice('');
        document.getElementById('session').hidden = true;
        document.getElementById('login').hidden = false;
        document.getElementById('login-error').textContent = message || '';
        document.getElementById('password').value = '';
        document.getElementById('email').focus();
    }

    function showDashboard(view) {
        var allowed = VIEWS_BY_ROLE[session.role];
        if (!allowed) {
            showLogin('There is no dashboard for the role ' + session.role + '.');
            return;
        }
        if (allowed.indexOf(view) < 0) {
            view = allowed[0];
        }
        stopStream();
        hideViews();
        notice('');
        document.getElementById('login').hidden = true;
        document.getElementById('session').hidden = false;
        document.getElementById('who').textContent = (session.name || '') + ' · ' + words(session.role);
        var tabs = document.getElementById('tabs');
        tabs.hidden = allowed.length < 2;
        tabs.querySelectorAll('button').forEach(function (button) {
            button.setAttribute('aria-pressed', String(button.getAttribute('data-view') === view));
            button.hidden = allowed.indexOf(button.getAttribute('data-view')) < 0;
        });
        viewElement(view).hidden = false;
        Object.keys(charts).forEach(function (name) { charts[name].resize(); });
        openStream(view);
    }

    function start() {
        buildStatusGroups();
        document.getElementById('login-form').addEventListener('submit', function (event) {
            event.preventDefault();
            var button = document.getElementById('login-submit');
            var email = document.getElementById('email').value.trim();
            var password = document.getElementById('password').value;
            if (!email || !password) {
                document.getElementById('login-error').textContent = 'Enter your email and password.';
                return;
            }
            button.disabled = true;
            document.getElementById('login-error').textContent = '';
            login(email, password).then(function () {
                showDashboard(VIEWS_BY_ROLE[session.role] ? VIEWS_BY_ROLE[session.role][0] : null);
            }).catch(function (failed) {
                showLogin(failed.message);
                document.getElementById('email').value = email;
            }).then(function () {
                button.disabled = false;
            });
        });
        document.getElementById('logout').addEventListener('click', function () {
            logout();
        });
        document.getElementById('tabs').addEventListener('click', function (event) {
            var view = event.target.getAttribute && event.target.getAttribute('data-view');
            if (view && (!stream || stream.view !== view)) {
                showDashboard(view);
            }
        });
        window.addEventListener('online', function () {
            if (stream && stream.wake) {
                stream.wake();
            }
        });
        window.addEventListener('offline', function () {
            if (stream) {
                setStreamStatus('offline', 'offline');
            }
        });
        // A reload keeps no token; the refresh cookie, if there is one, signs the user back in.
        refreshAccess().then(function (ok) {
            if (ok) {
                showDashboard(VIEWS_BY_ROLE[session.role] ? VIEWS_BY_ROLE[session.role][0] : null);
            } else {
                showLogin('');
            }
        });
    }

    // For the browser test of the parser; holds no state of the page.
    window.CarMarketDashboard = {SseParser: SseParser};

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
