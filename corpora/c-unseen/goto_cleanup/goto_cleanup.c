/* Resource acquisition with goto-based cleanup, the way C code handles
 * errors: handles come from a fixed pool, and each failure point jumps to
 * the label that releases exactly what was acquired. Exits with the
 * number of failed jobs. */
#include <stdio.h>

#define POOL 4

enum { R_FREE = 0, R_FILE, R_BUFFER, R_LOCK };
static const char *const kind_names[] = { "free", "file", "buffer", "lock" };

static int pool[POOL];
static int fail_at = -1; /* which acquisition number should fail */
static int acquisitions = 0;

static int acquire(int kind)
{
    int i;
    if (acquisitions++ == fail_at) {
        printf("    acquire %s: injected failure\n", kind_names[kind]);
        return -1;
    }
    for (i = 0; i < POOL; i++)
        if (pool[i] == R_FREE) {
            pool[i] = kind;
            printf("    acquire %s -> slot %d\n", kind_names[kind], i);
            return i;
        }
    printf("    acquire %s: pool exhausted\n", kind_names[kind]);
    return -1;
}

static void release(int slot)
{
    printf("    release %s <- slot %d\n", kind_names[pool[slot]], slot);
    pool[slot] = R_FREE;
}

static int in_use(void)
{
    int i, n = 0;
    for (i = 0; i < POOL; i++)
        n += pool[i] != R_FREE;
    return n;
}

static int process(int job, int size)
{
    int file, buf, lock, rc = -1;

    file = acquire(R_FILE);
    if (file < 0)
        goto out;
    buf = acquire(R_BUFFER);
    if (buf < 0)
        goto close_file;
    if (size > 100) {
        printf("    job %d: size %d too large\n", job, size);
        goto free_buf;
    }
    lock = acquire(R_LOCK);
    if (lock < 0)
        goto free_buf;

    printf("    job %d: processed %d bytes\n", job, size);
    rc = 0;

    release(lock);
free_buf:
    release(buf);
close_file:
    release(file);
out:
    return rc;
}

int main(void)
{
    const int sizes[] = { 10, 200, 50, 70, 30 };
    const int failures[] = { -1, -1, 1, 2, 0 };
    int job, failed = 0, leaked = 0;

    for (job = 0; job < 5; job++) {
        int rc;
        acquisitions = 0;
        fail_at = failures[job];
        printf("job %d (size %d, fail at %d):\n", job, sizes[job], fail_at);
        rc = process(job, sizes[job]);
        printf("  -> %s, %d in use\n", rc == 0 ? "ok" : "FAILED", in_use());
        if (rc != 0)
            failed++;
        leaked += in_use();
    }
    /* Exhaust the pool on purpose, then run one more job. */
    pool[0] = pool[1] = pool[2] = R_LOCK;
    fail_at = -1;
    printf("job 5 with 3 slots held:\n");
    if (process(5, 1) != 0)
        failed++;
    pool[0] = pool[1] = pool[2] = R_FREE;
    printf("failed jobs: %d, leaked: %d\n", failed, leaked);
    return failed;
}
