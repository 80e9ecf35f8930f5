-- CreateIndex
CREATE INDEX "users_opt_out_idx" ON "users"("opt_out");

