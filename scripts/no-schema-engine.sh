#!/bin/sh
# Stub: prisma generate needs no schema engine, and the native one cannot be downloaded here.
exit 1
