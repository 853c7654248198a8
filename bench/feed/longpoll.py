#!/usr/bin/env python3
"""Long polling of the notice pull feed through the gateway, with many clients (issue 20).

Against a running ./local-run: CLIENTS pollers (spread over the partner departments' keys, from
target/local-run/demo-keys.env) each read their department's feed with wait=10 in a loop; a third
of the way in, the credit office revokes one LISTED listing, and the script reports every status the
gateway answered and how long after the revocation each notified department's pollers got the
SANCTION_END notice.

    python3 bench/feed/longpoll.py [CLIENTS=64] [SECONDS=40]
"""
env = dict(l.strip().split('=',1) for l in open('os.path.join(os.path.dirname(__file__), "..", "..", "target", "local-run", "demo-keys.env")') if '=' in l and not l.startswith('#'))
GW = env['GATEWAY_URL']
partners = [k[4:] for k in env if k.startswith('KEY_') and k[4:] not in ('AWB','XZSPJ','AJJ','ZJJ')]
CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 64
DURATION = float(sys.argv[2]) if len(sys.argv) > 2 else 40
def get(path, key):
    req = urllib.request.Request(GW + path, headers={'X-Api-Key': key})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, e.read()[:200]
    except Exception as e:
        return 'EXC ' + type(e).__name__, None
statuses = collections.Counter(); arrivals = collections.defaultdict(list); lock = threading.Lock()
start = time.time()
def poller(i):
    dept = partners[i % len(partners)]; key = env['KEY_' + dept]
    s, page = get('/api/v1/notices/feed?after=0&limit=500', key)
    cursor = page['nextCursor'] if s == 200 else '0'
    while time.time() - start < DURATION:
        s, page = get(f'/api/v1/notices/feed?after={cursor}&limit=500&wait=10', key)
        with lock: statuses[s] += 1
        if s == 200:
            if page['items']:
                with lock: arrivals[dept].append((time.time(), len(page['items'])))
            cursor = page['nextCursor']
        else:
            time.sleep(1)
threads = [threading.Thread(target=poller, args=(i,)) for i in range(CLIENTS)]
for t in threads: t.start()
# trigger: revoke one LISTED listing halfway through
time.sleep(DURATION / 3)
admin = env['KEY_AWB']
s, listings = get('/api/v1/listings?state=LISTED&size=5', admin)
items = listings if isinstance(listings, list) else (listings.get('items') if isinstance(listings, dict) else [])
lid = items[0]['id'] if items else None
t0 = time.time()
if lid:
    req = urllib.request.Request(GW + f'/api/v1/listings/{lid}/revocation', data=b'{"reason":"outsider long-poll test"}',
        headers={'X-Api-Key': admin, 'Content-Type': 'application/json'}, method='POST')
    try:
        print('revoked', lid, urllib.request.urlopen(req, timeout=30).status)
    except urllib.error.HTTPError as e:
        print('revoke failed', e.code, e.read()[:300])
for t in threads: t.join()
print('clients', CLIENTS, 'departments', len(partners), 'statuses', dict(statuses))
lat = sorted(min(a[0] for a in v) - t0 for d, v in arrivals.items() if any(a[0] > t0 for a in v))
print('departments that got the notice by long poll:', len(lat))
if lat: print('first arrival after revocation: min %.2fs median %.2fs max %.2fs' % (lat[0], lat[len(lat)//2], lat[-1]))
